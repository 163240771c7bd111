"""The web app: rapporteurs upload notes, organisers run the synthesis and read the audit trail."""
