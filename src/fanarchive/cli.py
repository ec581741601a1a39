"""The `fanarchive` command: thin argument parsing over the library."""

from __future__ import annotations

import argparse
import os
import sys

from fanarchive import __version__
from fanarchive.analysis.errors import AnalysisError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_BAD_INPUT = 0, 1, 2, 3
EXIT_CODES = """exit codes:
  0  every input was analysed
  1  internal error (a bug: a one-line message names it; FANARCHIVE_DEBUG=1 shows details)
  2  usage error (unknown option, missing argument)
  3  some inputs could not be read (empty, binary, too large, damaged, missing);
     the others were still analysed and printed"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fanarchive",
        description="A fan fiction archive that reads the stories it hosts.\n\n"
        "example:\n  fanarchive analyze story.txt\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"fanarchive {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    add_analyze_command(commands)
    add_evaluate_command(commands)
    add_train_command(commands)
    add_export_command(commands)
    add_archive_commands(commands)
    add_backup_commands(commands)
    return parser


def add_analyze_command(commands) -> None:
    analyze = commands.add_parser(
        "analyze",
        help="analyse works: structure, cast, speakers, relationships, warnings, tags",
        description="Analyse works (files or folders, searched recursively for .txt .html .htm\n"
        ".xhtml .md .markdown .docx .epub .pdf .mobi .azw3 files; MOBI and AZW3 need calibre).\n"
        "The text report shows the structure, the\n"
        "cast, every quoted line with its speaker, relationships, warnings and tags, each\n"
        "with evidence; json/jsonl give the documented contract (docs/analysis-format.md).\n\n"
        "examples:\n"
        "  fanarchive analyze story.txt\n"
        "  fanarchive analyze story.html --format json > analysis.json\n"
        "  fanarchive analyze stories/ --format jsonl --workers 2 > analyses.jsonl\n\n"
        + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="work files or folders")
    analyze.add_argument(
        "--format",
        choices=["text", "json", "jsonl"],
        default="text",
        help="text: readable report (default); json: one object, or an array for several "
        "works; jsonl: one object per line",
    )
    analyze.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        metavar="N",
        help="analyse N works at once in separate processes (default 1)",
    )
    analyze.add_argument(
        "--with-text",
        action="store_true",
        help="include the work's plain text (what every offset points into) in the JSON",
    )
    analyze.set_defaults(handler=cmd_analyze)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


EVALUATIONS = {
    # kind -> module in fanarchive.evaluation exposing run(path, fmt) -> exit code
    "pdnc": "fanarchive.evaluation.pdnc",
    "litbank": "fanarchive.evaluation.litbank",
    "annotations": "fanarchive.evaluation.annotations",
    "warnings": "fanarchive.evaluation.warnings",
    "characters": "fanarchive.evaluation.characters",
    "confidence": "fanarchive.evaluation.confidence",
}


def add_evaluate_command(commands) -> None:
    evaluate = commands.add_parser(
        "evaluate",
        help="score the analysis against annotated data",
        description="Score quote attribution, character detection or content warnings.\n\n"
        "examples:\n"
        "  fanarchive evaluate pdnc ../shared/pdnc-dev\n"
        "  fanarchive evaluate litbank ../shared/litbank\n"
        "  fanarchive evaluate annotations tests/data/annotations\n"
        "  fanarchive evaluate characters ../shared/pdnc-dev\n"
        "  fanarchive evaluate warnings ../shared/warnings-dev/passages.jsonl\n"
        "  fanarchive evaluate confidence ../shared",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("kind", choices=sorted(EVALUATIONS))
    evaluate.add_argument("path", help="the annotated data (folder or file)")
    evaluate.add_argument("--format", choices=["text", "json"], default="text")
    evaluate.set_defaults(handler=cmd_evaluate)


def cmd_evaluate(args: argparse.Namespace) -> int:
    import importlib

    module = importlib.import_module(EVALUATIONS[args.kind])
    return module.run(args.path, args.format)


def add_train_command(commands) -> None:
    train = commands.add_parser(
        "train",
        help="re-train a learned part of the analysis (needs scikit-learn)",
        description="Re-train the content-note model on the TUNE side (even work_id) of the\n"
        "warnings development set and write its weights beside the code\n"
        "(src/fanarchive/analysis/warnings/learned_weights.json). See docs/warnings.md.\n"
        "Re-train the speaker ranking on the TUNE side of pdnc-dev and LitBank (PATH: the\n"
        "shared data folder) into src/fanarchive/analysis/speakers/ranking.json, and the\n"
        "calibration of speaker confidence on the TUNE sides of pdnc-dev, LitBank and the\n"
        "fan-fiction scene sets into src/fanarchive/analysis/speakers/confidence.json.\n"
        "See docs/evaluation.md.\n\n"
        "examples:\n"
        "  fanarchive train warnings ../shared/warnings-dev/passages.jsonl\n"
        "  fanarchive train warnings ../shared/warnings-dev/passages.jsonl -o /tmp/weights.json\n"
        "  fanarchive train speakers ../shared\n"
        "  fanarchive train confidence ../shared",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    train.add_argument("kind", choices=["confidence", "speakers", "warnings"])
    train.add_argument(
        "path",
        help="warnings: the labelled passages (JSON lines); speakers, confidence: the shared "
        "folder",
    )
    train.add_argument("-o", "--output", help="where to write the weights (default: the package)")
    train.set_defaults(handler=cmd_train)


def cmd_train(args: argparse.Namespace) -> int:
    if args.kind == "confidence":
        from fanarchive.evaluation.confidence import train

        return train(args.path, args.output)
    if args.kind == "speakers":
        from fanarchive.evaluation.train_speakers import run as train_speakers

        return train_speakers(args.path, args.output)
    from fanarchive.analysis.warnings.training import run

    return run(args.path, args.output)


def cmd_analyze(args: argparse.Namespace) -> int:
    from fanarchive.cli_analyze import run

    return run(args.paths, args.format, args.workers, args.with_text)


EXPORT_FORMATS = ["epub", "html", "pdf", "azw3", "mobi", "txt"]
EXIT_OUTPUT = 4  # export: the output file cannot be written


def add_export_command(commands) -> None:
    export = commands.add_parser(
        "export",
        help="download a work file as EPUB, HTML, PDF, AZW3 or TXT",
        description="Export a work file (.txt .html .md) as an AO3-style download: the tag "
        "block from the analysis, summary, notes and chapters. Works offline.\n\n"
        "examples:\n"
        "  fanarchive export story.txt --format epub -o story.epub\n"
        "  fanarchive export story.html --format pdf --title 'A Title' --author Someone\n\n"
        "exit codes: 0 written; 1 conversion failed or a tool is missing (AZW3 needs calibre);\n"
        "  2 bad arguments or unknown format; 3 the work file cannot be read;\n"
        "  4 the output file cannot be written",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("path", help="the work file")
    export.add_argument("--format", "-f", choices=EXPORT_FORMATS, default="epub")
    export.add_argument(
        "-o", "--output", help="output file ('-' for standard output); default: WORK.FORMAT here"
    )
    export.add_argument("--title", help="title, when the file does not carry one")
    export.add_argument("--author", action="append", default=[], help="author (repeatable)")
    export.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from fanarchive.analysis.pipeline import analyze_document
    from fanarchive.analysis.reading import read_path
    from fanarchive.exports import FORMATS, ExportError, ExportWork, export_work

    source = Path(args.path)
    output = Path(args.output or f"{source.stem}.{FORMATS[args.format].extension}")
    if args.output != "-" and not output.parent.is_dir():
        print(f"fanarchive: {output.parent}: no such folder for the output", file=sys.stderr)
        return EXIT_OUTPUT
    try:
        document = read_path(source)
    except AnalysisError as error:
        print(f"fanarchive: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    work = ExportWork.from_analysis(
        document, analyze_document(document), fallback_title=source.stem.replace("_", " ")
    )
    work.title = args.title or work.title
    work.authors = args.author or work.authors
    try:
        data = export_work(work, args.format)
    except ExportError as error:
        print(f"fanarchive: {error}", file=sys.stderr)
        return EXIT_ERROR
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    try:
        output.write_bytes(data)
    except OSError as error:
        print(f"fanarchive: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_OUTPUT
    print(f"wrote {output} ({args.format}, {len(data):,} bytes)", file=sys.stderr)
    return EXIT_OK


def add_archive_commands(commands) -> None:
    """`migrate` and `import`: the archive's database, from the command line."""
    migrate = commands.add_parser(
        "migrate",
        help="create or upgrade the archive's database (DATABASE_URL, SQLite by default)",
        description="Apply the database migrations.\n\n"
        "examples:\n"
        "  fanarchive migrate\n"
        "  DATABASE_URL=postgres://user@127.0.0.1:5432/fanarchive fanarchive migrate",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    migrate.set_defaults(handler=cmd_migrate)
    importer = commands.add_parser(
        "import",
        help="import works: folders, zips, txt/HTML/Markdown/EPUB/docx files, eFiction dumps",
        description="Import works into the archive, with their analysis. Re-running is safe:\n"
        "works already imported (same content) are skipped, and an interrupted import\n"
        "resumes where it stopped. With CELERY_BROKER_URL set, Celery workers do the work.\n\n"
        "examples:\n"
        "  fanarchive import ~/ao3-downloads/\n"
        "  fanarchive import works.zip story.epub\n"
        "  fanarchive import efiction-backup.sql\n"
        "  fanarchive import --author-map authors.csv ~/ao3-downloads/\n\n"
        "A byline never attaches a work to the account of the same name: unmapped bylines\n"
        "go to the archivist account (claimable later: fanarchive-manage claim_imported_works).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    importer.add_argument("paths", nargs="+", help="files, folders or zips to import")
    importer.add_argument(
        "--author-map",
        metavar="FILE",
        help="CSV (byline,username per line) or JSON ({byline: username}): the bylines whose "
        "works go to these existing accounts",
    )
    importer.add_argument("--log", help="log file (default: var/imports/import-<batch>.log)")
    importer.add_argument("--no-progress", action="store_true", help="no progress bar")
    importer.set_defaults(handler=cmd_import)


def _setup_django() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fanarchive.site.settings")
    django.setup()


def cmd_migrate(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    _setup_django()
    from django.db.utils import OperationalError, ProgrammingError
    from rich.console import Console

    from fanarchive.accounts.system import SystemAccountUnavailable
    from fanarchive.imports.authors import AuthorMapError, read_author_map
    from fanarchive.imports.importer import run_import, summary_table, totals_line

    console = Console(stderr=True)
    try:
        author_map = read_author_map(args.author_map) if args.author_map else None
        report = run_import(
            args.paths,
            console=console,
            log_path=args.log,
            show_progress=not args.no_progress,
            author_map=author_map,
        )
    except (AuthorMapError, SystemAccountUnavailable) as error:
        print(f"fanarchive: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (OperationalError, ProgrammingError) as error:
        missing = "no such table" in str(error) or "does not exist" in str(error)
        hint = "run `fanarchive migrate` first" if missing else "check DATABASE_URL"
        print(f"fanarchive: the database is not ready ({error}); {hint}", file=sys.stderr)
        return EXIT_ERROR
    if report.problems:
        console.print(summary_table(report))
    console.print(totals_line(report))
    return EXIT_OK if not report.failed else EXIT_BAD_INPUT


def add_backup_commands(commands) -> None:
    """`backup FILE` and `restore FILE`: the whole archive as one JSON file, between SQLite
    and PostgreSQL (fanarchive/site/backup.py)."""

    def run(args: argparse.Namespace) -> int:
        _setup_django()
        from fanarchive.site.backup import BackupError, backup, restore

        try:
            if args.command == "backup":
                count = backup(args.file)
                print(f"fanarchive: {count} records written to {args.file}", file=sys.stderr)
            else:
                count = restore(args.file, replace=args.replace)
                print(f"fanarchive: {count} records restored from {args.file}", file=sys.stderr)
        except BackupError as error:
            print(f"fanarchive: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
        return EXIT_OK

    for name, text, example in (
        ("backup", "write the whole archive to FILE (JSON; gzip if FILE ends in .gz)",
         "fanarchive backup archive-2026-11-25.json.gz"),
        ("restore", "load a backup into an empty, migrated database",
         "DATABASE_URL=postgres://user@127.0.0.1/fanarchive fanarchive restore archive.json.gz"),
    ):  # fmt: skip
        command = commands.add_parser(
            name,
            help=text,
            description=f"{text[0].upper()}{text[1:]}.\n\nexample:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_argument("file", help="the backup file")
        if name == "restore":
            command.add_argument(
                "--replace", action="store_true", help="delete everything in the database first"
            )
        command.set_defaults(handler=run)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # usage errors exit with 2 here
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("fanarchive: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `fanarchive analyze ... | head` closed the pipe: not an error
        sys.stderr.close()
        return EXIT_OK
    except AnalysisError as error:
        print(f"fanarchive: {error}", file=sys.stderr)
        return error.exit_code
    except Exception as error:
        if os.environ.get("FANARCHIVE_DEBUG"):
            raise
        print(f"fanarchive: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
