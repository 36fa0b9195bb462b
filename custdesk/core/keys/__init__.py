"""Keys: who can read what (levels), who wrote what (signatures), who may open the file.

See the README section "Keys and what an insider can do" for the design in prose;
``primitives`` holds the few constructions everything else is built from.
"""
