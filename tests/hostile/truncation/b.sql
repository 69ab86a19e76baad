-- 63-byte names, multibyte characters at the 63-byte boundary, and long names whose generated
-- constraint names PostgreSQL truncates (and numbers when two truncate alike).
CREATE TABLE "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" ("éééééééééééééééééééééééééééééééx" int PRIMARY KEY, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" text);
CREATE TABLE "table_with_a_rather_long_name_for_truncation_tests_tttttttttttt" (
    id int PRIMARY KEY,
    "column_with_a_long_name_that_is_truncated_in_constraints_one" int UNIQUE,
    "column_with_a_long_name_that_is_truncated_in_constraints_two" int UNIQUE CHECK ("column_with_a_long_name_that_is_truncated_in_constraints_two" > 0),
    "column_with_a_long_name_that_is_truncated_in_constraints_six" int UNIQUE CHECK ("column_with_a_long_name_that_is_truncated_in_constraints_six" > 0) REFERENCES "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" ("éééééééééééééééééééééééééééééééx")
);
CREATE INDEX ON "table_with_a_rather_long_name_for_truncation_tests_tttttttttttt" ("column_with_a_long_name_that_is_truncated_in_constraints_one", "column_with_a_long_name_that_is_truncated_in_constraints_two", "column_with_a_long_name_that_is_truncated_in_constraints_six");
