-- The certificate subject a reviewer signs reports with (검토자 서명 인증서의 주체): a sign-off is
-- accepted only when a trusted signature of the report carries this subject, so one reviewer
-- cannot sign off with a colleague's report. Set by an administrator; NULL: not registered yet.
ALTER TABLE users ADD COLUMN signer TEXT;
