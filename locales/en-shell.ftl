# The desktop app's native side (src-tauri): file dialog titles, filters and suggested names.
dialog-open-study = Open a study
dialog-save-study = Save the study
dialog-compare = Choose the studies to compare
dialog-export-pdf = Save the report as PDF
dialog-sign-report = Choose the report to sign
dialog-sign-key = Choose the signing key
dialog-verify-report = Choose the signed report to check
dialog-ex-ante = Choose the signed-off ex-ante study (the ex-post comparison)
dialog-filter-study = Yeta study
dialog-filter-key = Signing key (PEM, PKCS#12)
dialog-default-study = New study
dialog-default-report = Feasibility study report

# The app's command errors (src-tauri/src/error.rs `Code`): `app-error-<code>`.
app-error-io-read = Cannot read the file: { $file }
app-error-io-write = Cannot save the file (nothing was changed): { $file }
app-error-study-invalid = The study has { $count } problems; fix the marked fields.
app-error-study-parse = The study cannot be read (line { $line }, column { $column }).
app-error-draws-out-of-range = { $value } draws is outside the allowed range ({ $min }–{ $max }).
app-error-risk-not-finite = A simulated figure ({ $figure }) left the range of an amount of money; narrow the risk variables' ranges.
app-error-cancelled = Cancelled.
app-error-pdf-invalid = Not a PDF report Yeta can read or sign.
app-error-pdf-not-signed = This report carries no signature.
app-error-signature-invalid = A signature does not hold, or the report changed after it.
app-error-key-invalid = The signing key file cannot be used (check the key, the certificate or the password).
app-error-reviewer-mismatch = The reviewer's name "{ $reviewer }" is not the certificate's name "{ $subject }".
app-error-study-mismatch = The study embedded in the report is not the one its pages are stamped with; not signed.
app-error-not-in-recent = Not a file from the recent list: { $file }. Open it with the dialog.
app-error-budget-invalid = The budget "{ $value }" is not an amount (e.g. 2,000억, 200000000000).
app-error-matrix-invalid = Cell { $cell } of the pairwise matrix is not valid (reciprocal, on the 1/9–9 scale).
app-error-rules-unknown = No rule set "{ $rules }".
app-error-no-studies-chosen = Choose the studies to compare first.
app-error-internal = An unexpected error.
