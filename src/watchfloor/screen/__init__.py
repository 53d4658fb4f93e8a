"""Screening: one name, a file of names, a monitored book; against the designations in force."""
