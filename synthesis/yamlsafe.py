"""YAML from uploads: plain values only, no anchors or aliases, and a size cap.

`yaml.safe_load` already refuses tags that build objects, but it expands
aliases, so a few hundred bytes of nested `*a` references ("billion laughs")
become gigabytes. Front matter and sidecars are a handful of `field: value`
lines: they never need an anchor, so the loader refuses them outright.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_YAML_CHARS = 16_000  # a sidecar or front matter is a few lines; this is generous


class UnsafeYaml(yaml.YAMLError):
    """The YAML uses a feature that uploads may not use, or is too long."""


class _PlainLoader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise UnsafeYaml("anchors and aliases (& and *) are not allowed here")
        return super().compose_node(parent, index)


def load_plain_yaml(text: str, *, max_chars: int = MAX_YAML_CHARS) -> Any:
    """Parse `text` as YAML without anchors, aliases or object tags; raises yaml.YAMLError."""
    if len(text) > max_chars:
        raise UnsafeYaml(f"{len(text):,} characters, over the {max_chars:,} allowed")
    return yaml.load(text, Loader=_PlainLoader)  # a SafeLoader: no object tags
