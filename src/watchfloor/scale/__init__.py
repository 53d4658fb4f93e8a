"""Screening at scale: engines that screen a file's rows on more than one machine."""
