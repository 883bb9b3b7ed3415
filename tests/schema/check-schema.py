#!/usr/bin/python3
# check-schema.py — the policy JSON Schema accepts every example and golden file, refuses broken ones
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-schema.py SOURCE_DIR [SAMTYKKE_CLI]
# Prints TAP. Runs with Debian's python3-jsonschema (4.10 or later). With SAMTYKKE_CLI, also
# checks that what the program writes (a new policy, each file in canonical form) matches.

import copy
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("1..0 # SKIP python3-jsonschema is not installed")
    sys.exit(0)

source_dir = sys.argv[1]
cli = sys.argv[2] if len(sys.argv) > 2 else None
schema_path = os.path.join(source_dir, "data", "policy.schema.json")
example_path = os.path.join(source_dir, "data", "examples", "copenhagen.json")

results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


schema = load(schema_path)
validator_class = jsonschema.Draft202012Validator


def errors_of(document):
    validator = validator_class(schema)
    return sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))


def describe(errors):
    return "; ".join("%s: %s" % ("/".join(str(p) for p in e.absolute_path), e.message)
                     for e in errors[:3])


# The schema itself is a valid draft 2020-12 schema.
try:
    validator_class.check_schema(schema)
    check("schema is a valid draft 2020-12 schema", True)
except jsonschema.exceptions.SchemaError as e:
    check("schema is a valid draft 2020-12 schema", False, e.message)
    schema = {}

# Every shipped example and every round-trip golden file is accepted.
documents = sorted(glob.glob(os.path.join(source_dir, "data", "examples", "*.json")))
documents += sorted(glob.glob(os.path.join(source_dir, "tests", "core", "golden", "*.json")))
check("there is at least one example", len(documents) > 0)
for path in documents:
    name = os.path.relpath(path, source_dir)
    try:
        errs = errors_of(load(path))
        check("accepts " + name, not errs, describe(errs))
    except ValueError as e:
        check("accepts " + name, False, "not JSON: %s" % e)

example = load(example_path)


# Every member of the example is described by the schema: a known member missing from the
# schema would be accepted only as an "unknown" member, which hides mistakes.
def resolve(node):
    while isinstance(node, dict) and "$ref" in node and "properties" not in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    return node


def undescribed(value, node, path):
    node = resolve(node)
    missing = []
    if isinstance(value, dict) and isinstance(node, dict):
        props = node.get("properties")
        if props is None:
            return missing  # a localized text or another map: keys are data, not members
        for key, member in value.items():
            if key not in props:
                missing.append(path + "." + key)
            else:
                missing += undescribed(member, props[key], path + "." + key)
    elif isinstance(value, list) and isinstance(node, dict) and "items" in node:
        for i, item in enumerate(value):
            missing += undescribed(item, node["items"], "%s[%d]" % (path, i))
    return missing


missing = undescribed(example, schema, "$") if schema else ["(no schema)"]
check("describes every member of the example", not missing, ", ".join(missing[:5]))

# The schema knows the same text keys, in the same order, as the core's table of texts.
texts_c = os.path.join(source_dir, "src", "core", "stk-texts.c")
if os.path.exists(texts_c):
    with open(texts_c, encoding="utf-8") as f:
        core_keys = re.findall(r'^\s*\{ "([a-z_]+)", STK_TEXT_GROUP_', f.read(), re.M)
    schema_keys = list(schema.get("properties", {}).get("texts", {}).get("properties", {}))
    check("text keys match the core's table", core_keys == schema_keys,
          "core only: %s; schema only: %s" % (sorted(set(core_keys) - set(schema_keys)),
                                              sorted(set(schema_keys) - set(core_keys))))


# The schema knows the members the loader knows, in the loader's (canonical) order.
io_c = os.path.join(source_dir, "src", "core", "stk-policy-io.c")
if os.path.exists(io_c) and schema:
    with open(io_c, encoding="utf-8") as f:
        io_text = f.read()
    where = {
        "policy": schema,
        "controller": schema["properties"]["controller"],
        "consent": schema["properties"]["consent"],
        "appearance": schema["properties"]["appearance"],
        "light": schema["$defs"]["colors"],
        "dark": schema["$defs"]["colors"],
        "reopen": schema["properties"]["appearance"]["properties"]["reopen"],
        "section": schema["$defs"]["section"],
        "category": schema["$defs"]["category"],
        "provider": schema["$defs"]["provider"],
        "embed": schema["$defs"]["embed"],
        "cookie": schema["$defs"]["cookie"],
        "duration": schema["$defs"]["duration"],
    }
    for name, node in where.items():
        # One table a class: each line names its member first, through a macro such as
        # STRING ("name", ...) or as ".name = ...".
        m = re.search(r"static const Member %s_members\[\] = \{(.*?)\n\};" % name, io_text,
                      re.S)
        if m is None:
            check("the loader lists the members of " + name, False, "no %s_members" % name)
            continue
        loader_keys = re.findall(r'(?:^\s*[A-Z_]+ \(|\.name = )"([a-z_]+)"', m.group(1), re.M)
        schema_keys = list(node.get("properties", {}))
        check("members of %s match the loader's, in order" % name, loader_keys == schema_keys,
              "loader %s, schema %s" % (loader_keys, schema_keys))

# The format reference names every member the schema describes.
format_md = os.path.join(source_dir, "docs", "format.md")
if os.path.exists(format_md) and schema:
    with open(format_md, encoding="utf-8") as f:
        reference = f.read()
    names = set()

    def collect(node):
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(schema)
    unnamed = sorted(n for n in names if "`%s`" % n not in reference)
    check("docs/format.md names every member", not unnamed, ", ".join(unnamed))

# What the program writes matches the schema: a new policy, and every file above and every fuzz
# seed in canonical form, when validation finds no errors in it.
if cli:
    with tempfile.TemporaryDirectory() as tmp:
        new_path = os.path.join(tmp, "new.json")
        run = subprocess.run([cli, "new", "-o", new_path], capture_output=True, text=True)
        if run.returncode == 0 and os.path.exists(new_path):
            errs = errors_of(load(new_path))
            check("accepts the policy `samtykke-cli new` writes", not errs, describe(errs))
        else:
            check("accepts the policy `samtykke-cli new` writes", False, run.stderr.strip())

    seeds = sorted(glob.glob(os.path.join(source_dir, "tests", "fuzz", "seeds", "*.json")))
    for path in documents + seeds:
        name = os.path.relpath(path, source_dir)
        valid = subprocess.run([cli, "validate", path], capture_output=True)
        if valid.returncode != 0:
            continue
        run = subprocess.run([cli, "fmt", path], capture_output=True)
        try:
            errs = errors_of(json.loads(run.stdout.decode("utf-8")))
            check("accepts `samtykke-cli fmt " + name + "`", run.returncode == 0 and not errs,
                  describe(errs))
        except ValueError as e:
            check("accepts `samtykke-cli fmt " + name + "`", False, "not JSON: %s" % e)

# Variations of the example that must stay valid.
def variant(change):
    doc = copy.deepcopy(example)
    change(doc)
    return doc


def set_path(doc, path, value):
    *head, last = path
    for p in head:
        doc = doc[p]
    doc[last] = value


def del_path(doc, path):
    *head, last = path
    for p in head:
        doc = doc[p]
    del doc[last]


good = [
    ("unknown top-level member", lambda d: d.update({"x_reviewed_by": {"name": "Jens"}})),
    ("unknown member in a cookie",
     lambda d: d["providers"][0]["cookies"][0].update({"x_note": [1, 2, 3]})),
    ("unknown member in the controller", lambda d: d["controller"].update({"phone": "+45 3366"})),
    ("unknown text key", lambda d: d["texts"].update({"x_footer": {"da": "a", "en": "b"}})),
    ("a third language with a region",
     lambda d: (d["languages"].append("pt-BR"), d["texts"]["close"].update({"pt-BR": "Fechar"}))),
    ("a right-to-left language", lambda d: d["languages"].append("ar")),
    ("an internationalized domain name", lambda d: d["domains"].append("københavn.dk")),
    ("a missing translation (empty string)",
     lambda d: set_path(d, ["texts", "close", "en"], "")),
    ("a missing translation (absent language)",
     lambda d: del_path(d, ["texts", "close", "en"])),
    ("a website as one string", lambda d: set_path(d, ["providers", 1, "website"],
                                                    "https://example.com/")),
    ("a privacy policy per language", lambda d: set_path(
        d, ["providers", 2, "privacy_policy"],
        {"da": "https://example.dk/privatliv", "en": "https://example.com/privacy"})),
    ("a mailto: address", lambda d: set_path(d, ["providers", 1, "website"],
                                              "mailto:dpo@example.com")),
    ("no data-processor agreement date", lambda d: set_path(d, ["providers", 1, "dpa_date"], "")),
    ("a log endpoint", lambda d: set_path(d, ["consent", "log_endpoint"],
                                          "https://www.kk.dk/samtykke/log")),
    ("a log endpoint that is a path on the site",
     lambda d: set_path(d, ["consent", "log_endpoint"], "/samtykke/log")),
    ("every consent mode signal", lambda d: set_path(
        d, ["categories", 1, "consent_mode"],
        ["ad_storage", "ad_user_data", "ad_personalization", "analytics_storage",
         "functionality_storage", "personalization_storage", "security_storage"])),
    ("every kind of storage", lambda d: [
        set_path(d, ["providers", 1, "cookies", i, "kind"], k)
        for i, k in enumerate(["indexeddb", "pixel", "session_storage"])]),
    ("a duration in years", lambda d: set_path(d, ["providers", 0, "cookies", 0, "duration"],
                                               {"value": 2, "unit": "years"})),
    ("a session that still holds a value",
     lambda d: set_path(d, ["providers", 0, "cookies", 0, "duration"],
                        {"value": 3, "unit": "session"})),
    ("an unset date in a new policy", lambda d: set_path(d, ["updated"], "")),
    ("a unit text of one form", lambda d: set_path(d, ["texts", "unit_years", "da"], "{n} år")),
    ("no providers, sections or embeds",
     lambda d: d.update({"providers": [], "sections": []})),
    ("no appearance (today's look)", lambda d: del_path(d, ["appearance"])),
    ("a box in a corner, round, in the site's font and colours", lambda d: d["appearance"].update(
        {"layout": "box", "position": "left", "radius": 36, "font": "'KBH Tekst', Georgia, serif",
         "light": dict(d["appearance"]["light"], accent="hsl(330, 100%, 35%)",
                       link="rgb(160 0 90)", background="White")})),
    ("a centred card with the reopen button on the right", lambda d: d["appearance"].update(
        {"layout": "centred", "reopen": {"show": True, "position": "right"}})),
    ("the site's own font", lambda d: set_path(d, ["appearance", "font"], "inherit")),
    ("a category that does not honour Global Privacy Control",
     lambda d: set_path(d, ["categories", 1, "gpc"], False)),
]
for name, change in good:
    errs = errors_of(variant(change))
    check("accepts " + name, not errs, describe(errs))

# Variations that must be refused, each for one reason.
cookie = ["providers", 0, "cookies", 0]
bad = [
    ("no format marker", lambda d: del_path(d, ["format"])),
    ("another format marker", lambda d: set_path(d, ["format"], "cookie-policy")),
    ("a newer format version", lambda d: set_path(d, ["version"], 2)),
    ("a version as a string", lambda d: set_path(d, ["version"], "1")),
    ("revision 0", lambda d: set_path(d, ["revision"], 0)),
    ("a revision with a fraction", lambda d: set_path(d, ["revision"], 1.5)),
    ("a date in another form", lambda d: set_path(d, ["updated"], "1/11/2026")),
    ("month 13", lambda d: set_path(d, ["updated"], "2026-13-01")),
    ("no languages", lambda d: set_path(d, ["languages"], [])),
    ("a language code in capitals", lambda d: set_path(d, ["languages"], ["DA", "en"])),
    ("a language listed twice", lambda d: set_path(d, ["languages"], ["da", "da"])),
    ("a default language that is not a code", lambda d: set_path(d, ["default_language"],
                                                                 "Danish")),
    ("no controller", lambda d: del_path(d, ["controller"])),
    ("no controller e-mail member", lambda d: del_path(d, ["controller", "email"])),
    ("an e-mail without @", lambda d: set_path(d, ["controller", "email"], "kontakt.kk.dk")),
    ("a domain with a path", lambda d: set_path(d, ["domains"], ["kk.dk/borger"])),
    ("a domain with a scheme", lambda d: set_path(d, ["domains"], ["https://kk.dk"])),
    ("consent kept for 0 days", lambda d: set_path(d, ["consent", "accept_days"], 0)),
    ("a cookie name with a space", lambda d: set_path(d, ["consent", "cookie_name"], "my cookie")),
    ("a log endpoint that is not https",
     lambda d: set_path(d, ["consent", "log_endpoint"], "http://kk.dk/log")),
    ("a log endpoint on another host without a scheme",
     lambda d: set_path(d, ["consent", "log_endpoint"], "//tracker.example/log")),
    ("a text that is a plain string", lambda d: set_path(d, ["texts", "close"], "Luk")),
    ("a text with a number", lambda d: set_path(d, ["texts", "close", "da"], 5)),
    ("a text keyed by something else than a language",
     lambda d: set_path(d, ["texts", "close"], {"danish": "Luk"})),
    ("an unknown text key holding a string",
     lambda d: set_path(d, ["texts", "x_footer"], "footer")),
    ("a unit text with three forms",
     lambda d: set_path(d, ["texts", "unit_days", "en"], "{n} day|{n} days|{n} dayz")),
    ("a unit text whose plural lacks {n}",
     lambda d: set_path(d, ["texts", "unit_days", "en"], "{n} day|days")),
    ("a unit text without {n}",
     lambda d: set_path(d, ["texts", "unit_days", "en"], "one day|many days")),
    ("a section without a body", lambda d: del_path(d, ["sections", 0, "body"])),
    ("a section id with capitals", lambda d: set_path(d, ["sections", 0, "id"], "Intro")),
    ("a category id with a space", lambda d: set_path(d, ["categories", 0, "id"], "nød vendig")),
    ("an empty category id", lambda d: set_path(d, ["categories", 0, "id"], "")),
    ("required as a string", lambda d: set_path(d, ["categories", 0, "required"], "true")),
    ("no preselected member", lambda d: del_path(d, ["categories", 1, "preselected"])),
    ("an unknown consent mode signal",
     lambda d: set_path(d, ["categories", 0, "consent_mode"], ["cookie_storage"])),
    ("a consent mode signal twice",
     lambda d: set_path(d, ["categories", 0, "consent_mode"],
                        ["security_storage", "security_storage"])),
    ("categories as an object", lambda d: set_path(d, ["categories"], {})),
    ("a provider without cookies", lambda d: del_path(d, ["providers", 0, "cookies"])),
    ("a provider's category that is not an id",
     lambda d: set_path(d, ["providers", 0, "category"], "Necessary")),
    ("a javascript: website", lambda d: set_path(d, ["providers", 0, "website"],
                                                 "javascript:alert(1)")),
    ("a privacy policy per language with a bad URL",
     lambda d: set_path(d, ["providers", 0, "privacy_policy", "en"], "www.kk.dk")),
    ("dpa as a string", lambda d: set_path(d, ["providers", 1, "dpa"], "yes")),
    ("a country in lower case", lambda d: set_path(d, ["providers", 1, "country"], "ie")),
    ("a country name", lambda d: set_path(d, ["providers", 1, "country"], "Ireland")),
    ("an embed without a placeholder",
     lambda d: del_path(d, ["providers", 1, "embeds", 0, "placeholder"])),
    ("an unknown party", lambda d: set_path(d, cookie + ["party"], "second")),
    ("an unknown kind", lambda d: set_path(d, cookie + ["kind"], "flash")),
    ("an unknown unit", lambda d: set_path(d, cookie + ["duration", "unit"], "fortnights")),
    ("a duration without a value", lambda d: set_path(d, cookie + ["duration"],
                                                      {"unit": "days"})),
    ("a negative duration", lambda d: set_path(d, cookie + ["duration", "value"], -1)),
    ("a duration as a string", lambda d: set_path(d, cookie + ["duration", "value"], "12")),
    ("a cookie without a name", lambda d: del_path(d, cookie + ["name"])),
    ("an empty cookie name", lambda d: set_path(d, cookie + ["name"], "")),
    ("pattern as a number", lambda d: set_path(d, cookie + ["pattern"], 0)),
    ("no delete_on_withdraw", lambda d: del_path(d, cookie + ["delete_on_withdraw"])),
    ("an unknown layout", lambda d: set_path(d, ["appearance", "layout"], "top")),
    ("a corner radius that cuts into the text", lambda d: set_path(d, ["appearance", "radius"], 48)),
    ("a radius in pixels as a string", lambda d: set_path(d, ["appearance", "radius"], "4px")),
    ("a colour that is not one", lambda d: set_path(d, ["appearance", "light", "text"], "#12345")),
    ("a colour that ends the stylesheet's rule",
     lambda d: set_path(d, ["appearance", "dark", "link"], "red;}body{color:red")),
    ("a font that ends the stylesheet's rule",
     lambda d: set_path(d, ["appearance", "font"], "Arial;}body{color:red")),
    ("appearance without its dark colours", lambda d: del_path(d, ["appearance", "dark"])),
    ("a reopen button in the middle",
     lambda d: set_path(d, ["appearance", "reopen", "position"], "middle")),
    ("gpc as a string", lambda d: set_path(d, ["categories", 1, "gpc"], "yes")),
    ("a document that is an array", lambda d: None),
]
for name, change in bad:
    doc = [] if name == "a document that is an array" else variant(change)
    check("refuses " + name, errors_of(doc), "accepted")

print("1..%d" % len(results))
failed = 0
for i, (name, ok, detail) in enumerate(results, 1):
    if ok:
        print("ok %d - %s" % (i, name))
    else:
        failed += 1
        print("not ok %d - %s" % (i, name))
        if detail:
            print("# " + detail)
sys.exit(1 if failed else 0)
