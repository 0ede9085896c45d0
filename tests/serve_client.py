"""language_tool_python, in remote-server mode, against `plainly serve`.

Run by tests/serve.rs as `python3 tests/serve_client.py http://127.0.0.1:PORT`; prints
each match and then "ok", or fails with an assertion. The text has emoji and non-Latin
script before the findings, where UTF-16 offsets (what the server counts) differ from
Python's code points (what language_tool_python turns them into).
"""

import sys

import language_tool_python

TEXT = (
    "Hi 👋🏽 team (Привет, 日本語のチーム 🎉)! Can you review the pricing deck ASAP? "
    "We can circle back on the numbers at 3pm."
)

tool = language_tool_python.LanguageTool("en-US", remote_server=sys.argv[1])
matches = tool.check(TEXT)
found = {}
for match in matches:
    words = TEXT[match.offset : match.offset + match.error_length]
    print(match.rule_id, repr(words), match.replacements[:3])
    found[match.rule_id] = words
assert found.get("vague-deadline") == "ASAP", found
assert found.get("jargon") == "circle back", found
assert found.get("time-zone") == "3pm", found
tool.close()
print("ok")
