-- custdesk schema, migration 7: a sort key for lists by name.
-- pinyin_full runs the syllables together ("lina" < "liujing" < "liweidong" splits the
-- 李 files around the 刘 ones), so lists sort by their own key instead: the syllables one
-- by one, then tones, then the name (customers.search.name_keys). It is worked out in code
-- (migrations.m0007_sort_key) for the files in clear; in a sealed file it is sealed with
-- the name, and a file sealed before this migration has none until written again (the
-- catalogue works it out as it reads such a file).
ALTER TABLE customers ADD COLUMN sort_key TEXT;
CREATE INDEX customers_sort_key ON customers (sort_key);
