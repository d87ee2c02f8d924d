"""Reader follows and the personal feed."""
