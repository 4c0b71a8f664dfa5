"""Evidence packages for lawyers and courts: write one from the entries chosen, check one."""
