"""What a batch run reports at the end: records, errors by type, pages for review, dropped blocks.

The summary is plain data, saved in every checkpoint, so a run that is killed and resumed
reports the same totals as one that was not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

__all__ = ["Summary"]


def _bump(d: dict[str, int], key: str, n: int = 1) -> None:
    d[key] = d.get(key, 0) + n


@dataclass
class Summary:
    records: int = 0
    cleaned: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    review: dict[str, int] = field(default_factory=dict)
    #: dropped blocks per filter and reason, summed over records
    dropped: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, error_type: str | None, review_reason: str | None, counts: Mapping[str, Mapping[str, int]]) -> None:
        self.records += 1
        if error_type is not None:
            _bump(self.errors, error_type)
            return
        self.cleaned += 1
        if review_reason:
            _bump(self.review, review_reason)
        for name, per in counts.items():
            target = self.dropped.setdefault(name, {})
            for reason, n in per.items():
                _bump(target, reason, n)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "cleaned": self.cleaned,
            "errors": dict(sorted(self.errors.items())),
            "review": dict(sorted(self.review.items())),
            "dropped": {k: dict(sorted(v.items())) for k, v in sorted(self.dropped.items())},
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Summary":
        return cls(records=d["records"], cleaned=d["cleaned"], errors=dict(d["errors"]),
                   review=dict(d["review"]), dropped={k: dict(v) for k, v in d["dropped"].items()})

    def render(self, *, seconds: float | None = None, new_records: int | None = None) -> str:
        n_errors = sum(self.errors.values())
        head = f"{self.records} records: {self.cleaned} cleaned, {n_errors} errors"
        if self.review:
            head += f", {sum(self.review.values())} flagged for review"
        if seconds is not None and new_records is not None:
            rate = new_records / seconds if seconds > 0 else 0.0
            head += f" ({new_records} in this run, {seconds:.1f} s, {rate:.1f} pages/s)"
        lines = [head]
        if self.dropped:
            lines.append("dropped blocks by filter and reason:")
            width = max(len(f"{f} / {r}") for f, per in self.dropped.items() for r in per)
            for name, per in sorted(self.dropped.items()):
                for reason, n in sorted(per.items(), key=lambda kv: (-kv[1], kv[0])):
                    lines.append(f"  {f'{name} / {reason}':<{width}}  {n}")
        if self.review:
            lines.append("flagged for review (needs_review), by reason:")
            lines += [f"  {reason:<24} {n}" for reason, n in sorted(self.review.items())]
        if self.errors:
            lines.append("errors by type (records with \"error\" set in the output):")
            lines += [f"  {etype:<24} {n}" for etype, n in sorted(self.errors.items())]
        return "\n".join(lines)
