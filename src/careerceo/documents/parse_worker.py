"""Reading untrusted files in a child process with a memory and a wall-clock limit.

PDFium, python-docx and the text parser run on whatever bytes a person uploads. One hostile
file (a 1 MB PDF whose streams inflate to gigabytes, a DOCX whose XML unpacks to 95 MB) used
to freeze the server and take gigabytes of memory. Here the reading runs in a fresh
interpreter whose address space is capped with ``setrlimit`` and which is killed when it
overruns its time, so the worst a file can do is be refused; the server's own threads only
wait on a pipe and keep answering other requests.

Protocol: the parent writes a 4-byte length, a JSON header (the file names and sizes) and the
files' bytes to the child's stdin; the child answers one JSON object on stdout, either the
parsed file or the ``CareerError`` it raised. JSON, not pickle, so the parent never executes
anything a compromised child could send.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import careerceo
from careerceo.documents.read_any import ParsedFile, plain_name
from careerceo.errors import CareerError
from careerceo.model.resume import resume_from_dict

DEFAULT_SECONDS = 30
DEFAULT_MEMORY_MB = 1024


@dataclasses.dataclass(frozen=True)
class ParseLimits:
    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB


def _too_costly(name: str, limits: ParseLimits, what: str) -> CareerError:
    return CareerError(
        f"{name} {what} (the limits are {limits.memory_mb} MB and {limits.seconds:g} s), so it "
        "was refused; a résumé or export is far smaller - export it again, or raise "
        "CAREER_PARSE_MEMORY_MB / CAREER_PARSE_SECONDS if it really is that large",
        field="file",
    )


def parse_isolated(
    files: dict[str, bytes], *, folder: str | None = None, limits: ParseLimits | None = None
) -> ParsedFile:
    """Parse one file (or, with ``folder``, the CSVs of an export folder) in a limited child."""
    limits = limits or ParseLimits()
    names = list(files)
    label = folder or plain_name(names[0])
    header = json.dumps(
        {"folder": folder, "names": names, "sizes": [len(files[n]) for n in names]}
    ).encode()
    payload = len(header).to_bytes(4, "big") + header + b"".join(files[n] for n in names)
    env = dict(os.environ)
    package_root = str(Path(careerceo.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    child = subprocess.Popen(  # our own interpreter and module, no shell
        [
            sys.executable,
            "-m",
            "careerceo.documents.parse_worker",
            str(limits.memory_mb),
            str(limits.seconds),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        out, _ = child.communicate(payload, timeout=limits.seconds)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise _too_costly(label, limits, f"took longer than {limits.seconds:g} s to read") from None
    except BaseException:
        child.kill()
        child.wait()
        raise
    try:
        answer = json.loads(out) if child.returncode == 0 else None
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        # Killed by the kernel (CPU limit), aborted by a native library that could not
        # allocate, or out of memory before it could say so.
        raise _too_costly(label, limits, "could not be read within the memory and time limits")
    if not answer.get("ok"):
        raise CareerError(str(answer.get("message")), field=answer.get("field") or "file")
    parsed = answer["parsed"]
    return ParsedFile(
        kind=parsed["kind"],
        fmt=parsed["fmt"],
        media_type=parsed["media_type"],
        text=parsed["text"],
        resume=resume_from_dict(parsed["resume"]),
    )


# ---------------------------------------------------------------------------- the child


def _apply_limits(memory_mb: int, seconds: float) -> None:
    import resource

    memory = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _answer(document: dict[str, Any]) -> None:
    # ensure_ascii keeps a lone surrogate from a hostile file as an escape, not an error.
    sys.stdout.write(json.dumps(document, ensure_ascii=True))
    sys.stdout.flush()


def _child(argv: list[str]) -> int:
    _apply_limits(int(argv[1]), float(argv[2]))
    from careerceo.documents.json_safety import storable
    from careerceo.documents.read_any import read_file, read_files

    raw = sys.stdin.buffer.read()
    size = int.from_bytes(raw[:4], "big")
    header = json.loads(raw[4 : 4 + size])
    files: dict[str, bytes] = {}
    at = 4 + size
    for name, length in zip(header["names"], header["sizes"], strict=True):
        files[name] = raw[at : at + length]
        at += length
    del raw
    label = header["folder"] or plain_name(header["names"][0])
    try:
        if header["folder"]:
            parsed = read_files(files)
        else:
            name, data = next(iter(files.items()))
            parsed = read_file(data, name)
        # Lone surrogates and NUL from a hostile file would break the preview, the terminal
        # and PostgreSQL later; they are replaced here, once, for every format.
        _answer({"ok": True, "parsed": storable(dataclasses.asdict(parsed))})
    except CareerError as exc:
        _answer({"ok": False, "message": exc.message, "field": exc.field})
    except MemoryError:
        _answer({"ok": False, "message": f"{label} needs more memory to read than allowed"})
    except RecursionError:
        _answer({"ok": False, "message": f"{label} nests too deeply to read"})
    except Exception as exc:  # a reader bug on a strange file: a refusal, never a traceback
        sys.stderr.write(f"{type(exc).__name__}: {exc}\n")
        _answer(
            {
                "ok": False,
                "message": f"{label} could not be read ({type(exc).__name__}); check that it "
                "is a résumé or LinkedIn export saved by the program that made it",
            }
        )
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv))
