"""Storage: the SQLCipher connection, key slots beside the file, migrations, the schema."""
