"""Framing devices, one concern each: quotes (a package), actors (a package), cues and sources, frames,
figures (a package), voices and headline against body."""
