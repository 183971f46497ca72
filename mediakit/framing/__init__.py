"""Framing devices: quotes, actors, cues and sources, frames, figures; one module each."""
