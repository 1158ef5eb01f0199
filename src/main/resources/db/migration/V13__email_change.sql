-- An email change (purpose 'change': mailed to the new address, 'undo': mailed to the old one once it took effect):
-- the other address of the change, as the user wrote it. email_normalized stays the address the account had when the
-- token was issued, so the token dies when the address changes in between.
ALTER TABLE email_token ADD COLUMN address VARCHAR(254);
