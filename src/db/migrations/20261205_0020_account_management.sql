-- Accounts managed after they are made: a password given by someone else (an administrator who
-- created the account or reset its password) must be replaced by the user at the next sign-in.
alter table users add column must_change_password boolean not null default false;

-- The user an API token acts for: set for tokens a user traded their password for (POST /auth/token),
-- so that they stop with the user (disabled, role withdrawn); null for the tokens of a system that an
-- administrator makes on the tokens page. Tokens made before this column are counted as their
-- creator's: a disabled creator's tokens stop, rather than outliving the person who holds them.
alter table api_tokens add column user_id uuid references users (id) on delete cascade;
update api_tokens set user_id = created_by where created_by is not null;
create index api_tokens_user on api_tokens (user_id) where user_id is not null;
