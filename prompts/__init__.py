"""Prompt templates as data files, rendered in a sandbox with named variables.

A template is a TOML file with `task`, `family`, `description`, an optional `system` message and a
`template` (Jinja2 syntax, e.g. `{{ text }}`). Built-in templates live in `prompts/templates/`;
users add their own directories, and a file path can be used directly.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

VARIABLES = ("text", "source_language", "target_language", "length", "sentences", "style")
LANGUAGE_NAMES = {"nl": "Dutch", "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
                  "pt": "Portuguese", "af": "Afrikaans", "da": "Danish", "sv": "Swedish", "pl": "Polish"}
STYLE_INSTRUCTIONS = {
    "paragraph": "Write one paragraph of plain prose.",
    "bullets": "Write the summary as bullet points, one sentence per line, each line starting with '- '.",
    "headline": "Start with a one-line headline, then a line break, then one paragraph.",
}
_KEYS = {"task", "family", "description", "system", "template"}
# what a template is tried with when it is loaded, so that a refused one fails before any model loads
_SAMPLE = {"text": "Het artikel.", "source_language": "nl", "target_language": "en", "length": "3 sentences",
           "sentences": 3, "style": STYLE_INSTRUCTIONS["paragraph"]}


class TemplateError(ValueError):
    """A template cannot be found, parsed or rendered."""


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    task: str
    family: str
    description: str
    template: str
    system: str | None = None
    origin: str = "built-in"

    def variables(self) -> set[str]:
        """The variables this template uses."""
        from jinja2 import meta

        environment = _environment()
        found: set[str] = set()
        for source in (self.system, self.template):
            if source:
                found |= meta.find_undeclared_variables(environment.parse(source))
        return found

    def render(self, **values: Any) -> tuple[str | None, str]:
        """(system message, prompt); missing variables raise TemplateError naming them."""
        from jinja2 import TemplateError as JinjaError
        from jinja2.sandbox import SecurityError

        missing = sorted(name for name in self.variables() if values.get(name) is None)
        if missing:
            raise TemplateError(f"template '{self.name}' needs variable(s) not given: {', '.join(missing)}")
        environment = _environment()
        try:
            system = environment.from_string(self.system).render(**values).strip() if self.system else None
            prompt = environment.from_string(self.template).render(**values).strip()
        except (SecurityError, OverflowError) as error:  # the sandbox raises OverflowError for huge ranges
            raise TemplateError(f"{self.origin}: the template sandbox refuses this template "
                                f"({str(error).rstrip('.')}); a template may only format the documented "
                                "variables") from error
        except (JinjaError, ArithmeticError, TypeError, ValueError) as error:
            raise TemplateError(f"{self.origin}: template '{self.name}' failed to render: {error}") from error
        return system, prompt

    def check(self) -> None:
        """Refuse what can never render: other files, unknown variables, what the sandbox forbids."""
        from jinja2 import nodes

        environment = _environment()
        for source in (self.system, self.template):
            if not source:
                continue
            for node in environment.parse(source).find_all((nodes.Extends, nodes.Include, nodes.Import,
                                                            nodes.FromImport)):
                tag = {"Extends": "extends", "Include": "include"}.get(type(node).__name__, "import")
                raise TemplateError(f"{self.origin}: {{% {tag} %}} on line {node.lineno} is not allowed; a "
                                    "template must be self-contained")
        unknown = sorted(self.variables() - set(VARIABLES))
        if unknown:
            raise TemplateError(f"{self.origin}: unknown variable(s) {', '.join(unknown)}; templates can use "
                                f"{', '.join(VARIABLES)}")
        self.render(**_SAMPLE)


MAX_REPEAT = 100_000  # characters (or items) a template may build with `*`


def _environment():
    """A sandboxed Jinja2 environment: templates can format values but never run code."""
    from jinja2 import StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Sandbox(ImmutableSandboxedEnvironment):
        # Intercepted operators are also never folded into constants when a template is compiled,
        # where `{{ "x" * 999999999 }}` would otherwise be built before any check could run.
        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context, operator, left, right):
            if operator == "**" and not (isinstance(right, int) and abs(right) <= 64):
                raise SecurityError("powers above 64 are not allowed in prompt templates")
            if operator == "*":
                sequence, count = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
                if isinstance(sequence, (str, list, tuple)) and isinstance(count, int) \
                        and len(sequence) * count > MAX_REPEAT:
                    raise SecurityError(f"repeating text past {MAX_REPEAT:,} characters is not allowed")
            return super().call_binop(context, operator, left, right)

    environment = Sandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    environment.filters["language_name"] = lambda code: LANGUAGE_NAMES.get(str(code), str(code))
    return environment


def parse_template(text: str, name: str, origin: str) -> PromptTemplate:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(f"{origin}: invalid TOML ({error})") from error
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise TemplateError(f"{origin}: unknown key(s) {', '.join(unknown)}")
    for key in ("task", "family", "template"):
        if not isinstance(data.get(key), str):
            raise TemplateError(f"{origin}: '{key}' must be given as a string")
    template = PromptTemplate(name=name, task=data["task"], family=data["family"],
                              description=data.get("description", ""), template=data["template"],
                              system=data.get("system"), origin=origin)
    from jinja2 import TemplateSyntaxError

    try:
        template.check()
    except TemplateSyntaxError as error:
        raise TemplateError(f"{origin}: template syntax error on line {error.lineno}: {error.message}") from error
    return template


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise TemplateError(f"{path}: not UTF-8 (byte {error.start}); save the template as UTF-8") from error
    except OSError as error:
        raise TemplateError(f"{path}: cannot read ({error.strerror or error})") from error


def builtin_templates() -> dict[str, PromptTemplate]:
    folder = resources.files(__name__) / "templates"
    return {
        entry.name[:-5]: parse_template(entry.read_text(encoding="utf-8"), entry.name[:-5], "built-in")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml")
    }


def load_templates(directories: list[str | Path] = ()) -> dict[str, PromptTemplate]:
    """Built-in templates, overridden or extended by *.toml files in the given directories."""
    templates = builtin_templates()
    for directory in directories:
        folder = Path(directory).expanduser()
        if not folder.is_dir():
            raise TemplateError(f"{folder}: prompt directory not found")
        for path in sorted(folder.glob("*.toml")):
            templates[path.stem] = parse_template(_read(path), path.stem, str(path))
    return templates


def get_template(name_or_path: str, directories: list[str | Path] = ()) -> PromptTemplate:
    """A template by name, or from a .toml file path."""
    path = Path(name_or_path).expanduser()
    if path.suffix == ".toml" and path.is_file():
        return parse_template(_read(path), path.stem, str(path))
    if path.suffix == ".toml" or len(path.parts) > 1:
        raise TemplateError(f"{path}: prompt template file not found (a relative path in a config file is "
                            "taken from the config's folder, on the command line from the current one)")
    templates = load_templates(directories)
    if name_or_path not in templates:
        raise TemplateError(f"no prompt template '{name_or_path}'; available: {', '.join(sorted(templates))}")
    return templates[name_or_path]


def default_template_name(task: str, family: str) -> str:
    return f"{task}-{family}"
