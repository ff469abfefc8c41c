"""/docs without a CDN: the endpoints and their parameters, rendered from the OpenAPI spec."""

from __future__ import annotations

from html import escape
from typing import Any


def _schema_name(schema: dict[str, Any]) -> str:
    """A short human name for a parameter or body schema."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_schema_name(s) for s in schema["anyOf"] if s.get("type") != "null")
    kind = str(schema.get("type", "any"))
    if schema.get("format"):
        kind += f" ({schema['format']})"
    bounds = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "maxLength") if k in schema]
    return kind + (f", {', '.join(bounds)}" if bounds else "")


def _body_rows(schema: dict[str, Any], components: dict[str, Any]) -> list[str]:
    """One row per top-level field of a JSON body model."""
    name = _schema_name(schema)
    model = components.get(name, {})
    rows = [f"<tr><td><em>body</em></td><td>json</td><td>{escape(name)}</td><td></td>"
            f"<td>{escape(model.get('description', ''))}</td></tr>"]
    required = set(model.get("required", []))
    for field, sub in model.get("properties", {}).items():
        need = " (required)" if field in required else ""
        kind = _schema_name(sub)
        if sub.get("type") == "array" and "items" in sub:
            kind = f"list of {_schema_name(sub['items'])}"
        rows.append(f"<tr><td><code>{escape(field)}</code></td><td>body</td>"
                    f"<td>{escape(kind)}</td><td></td>"
                    f"<td>{escape(sub.get('description', ''))}{need}</td></tr>")
    return rows


def _operation(method: str, path: str, op: dict[str, Any], components: dict[str, Any]) -> str:
    rows = []
    for p in op.get("parameters", []):
        default = p.get("schema", {}).get("default")
        rows.append(
            f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p['in'])}</td>"
            f"<td>{escape(_schema_name(p.get('schema', {})))}</td>"
            f"<td>{'' if default is None else escape(str(default))}</td>"
            f"<td>{escape(p.get('description', ''))}</td></tr>")
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    if body:
        rows += _body_rows(body.get("schema", {}), components)
    table = ("<table><tr><th>name</th><th>in</th><th>type</th><th>default</th>"
             f"<th>about</th></tr>{''.join(rows)}</table>") if rows else ""
    lock = " <span class='key'>needs X-API-Key</span>" if op.get("security") else ""
    codes = ", ".join(sorted(op.get("responses", {})))
    return (f"<section><h2><span class='m {method}'>{method.upper()}</span> "
            f"<code>{escape(path)}</code>{lock}</h2>"
            f"<p>{escape(op.get('description') or op.get('summary', ''))}</p>{table}"
            f"<p class='codes'>responses: {escape(codes)}</p></section>")


def docs_page(spec: dict[str, Any]) -> str:
    """A self-contained HTML page listing every operation of the spec."""
    info = spec.get("info", {})
    components = spec.get("components", {}).get("schemas", {})
    ops = [_operation(m, path, op, components) for path, item in spec.get("paths", {}).items()
           for m, op in item.items()]
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(info.get('title', ''))} API</title>
<link rel="stylesheet" href="/static/style.css"></head>
<body class="docs"><header><h1>{escape(info.get('title', ''))} API
<small>v{escape(str(info.get('version', '')))}</small></h1>
<nav><a href="/">dashboard</a> <a href="/openapi.json">openapi.json</a></nav></header>
<main><p>{escape(info.get('description', ''))}</p>
<p>The machine-readable contract, with every request and response schema, is
<a href="/openapi.json">/openapi.json</a>. Errors are JSON: <code>{{"error": "..."}}</code>.</p>
{''.join(ops)}</main></body></html>"""
