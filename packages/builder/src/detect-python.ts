import type { VersionChoice } from "./build-plan";
import { type DetectContext, firstWord, type ProviderDraft, type ProviderFailure, procfileCommands } from "./detect-context";
import { AVAILABLE_VERSIONS, satisfies } from "./runtime-versions";
import { fileText, hasFile, type SourceTree } from "./source-tree";

const MARKERS = ["requirements.txt", "pyproject.toml", "Pipfile", "uv.lock", "poetry.lock", "setup.py", ".python-version", "runtime.txt", "manage.py"];
const ENTRY_FILES = ["main.py", "app.py", "server.py", "wsgi.py", "asgi.py"];
const FALLBACK_ENTRIES = ["main.py", "app.py", "server.py", "start.py", "bot.py", "web.py"];
const PYTHON_COMMANDS = new Set(["python", "python3", "gunicorn", "uvicorn", "flask", "django-admin"]);
const VENV = "/app/.venv";

export function matchPython(tree: SourceTree, ctx: Pick<DetectContext, "procfile">): string | null {
  const marker = MARKERS.find((f) => hasFile(tree, f)) ?? ENTRY_FILES.find((f) => hasFile(tree, f));
  if (marker) return `${marker} found`;
  const cmd = procfileCommands(ctx.procfile).find((c) => PYTHON_COMMANDS.has(firstWord(c)));
  if (cmd) return `the Procfile runs "${firstWord(cmd)}"`;
  return null;
}

/** Lowercased dependency names from requirements.txt, pyproject.toml and Pipfile (extras and versions stripped). */
function dependencyNames(tree: SourceTree): Set<string> {
  const names = new Set<string>();
  const add = (spec: string) => {
    const m = /^\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec);
    if (m?.[1]) names.add(m[1].toLowerCase().replace(/_/g, "-"));
  };
  for (const line of (fileText(tree, "requirements.txt") ?? "").split("\n")) {
    const l = line.replace(/#.*/, "").trim();
    if (l && !l.startsWith("-")) add(l);
  }
  const pyproject = fileText(tree, "pyproject.toml") ?? "";
  const depsBlock = /dependencies\s*=\s*\[([\s\S]*?)\]/.exec(pyproject)?.[1] ?? "";
  for (const m of depsBlock.matchAll(/["']([^"']+)["']/g)) add(m[1] ?? "");
  const poetry = /\[tool\.poetry\.dependencies\]([\s\S]*?)(\n\[|$)/.exec(pyproject)?.[1] ?? "";
  for (const line of poetry.split("\n")) if (/=/.test(line)) add(line);
  const pipPackages = /\[packages\]([\s\S]*?)(\n\[|$)/.exec(fileText(tree, "Pipfile") ?? "")?.[1] ?? "";
  for (const line of pipPackages.split("\n")) if (/=/.test(line)) add(line);
  names.delete("python");
  return names;
}

/** True when requirements.txt names no package: a stdlib app, whose install needs no network. */
function requirementsEmpty(tree: SourceTree): boolean {
  return (fileText(tree, "requirements.txt") ?? "").split("\n").every((l) => l.replace(/#.*/, "").trim() === "");
}

function pythonVersion(tree: SourceTree, warnings: string[]): VersionChoice {
  const pyVersion = fileText(tree, ".python-version")?.split("\n").map((l) => l.trim()).find((l) => l && !l.startsWith("#"));
  const runtime = /python-(\S+)/.exec(fileText(tree, "runtime.txt") ?? "")?.[1];
  const pipfile = /python_version\s*=\s*["']([^"']+)["']/.exec(fileText(tree, "Pipfile") ?? "")?.[1];
  const requires = /requires-python\s*=\s*["']([^"']+)["']/.exec(fileText(tree, "pyproject.toml") ?? "")?.[1];
  const candidates: Array<[string, string | undefined]> = [
    [".python-version", pyVersion],
    ["runtime.txt", runtime],
    ["Pipfile python_version", pipfile],
    ["pyproject.toml requires-python", requires],
  ];
  const found = candidates.find(([, v]) => v);
  const used = AVAILABLE_VERSIONS.python;
  if (!found) return { name: "python", requested: null, source: "default", used };
  const [source, requested] = found as [string, string];
  const ok = satisfies(requested, used);
  if (ok !== true) warnings.push(`${source} asks for Python ${requested}; Berth's Python image has ${used}, which the build uses.`);
  return { name: "python", requested, source, used };
}

/** `<var> = Flask(` / `FastAPI(` in an entry file: [file, variable]. */
function findApp(tree: SourceTree, ctor: string): [string, string] | null {
  for (const f of ENTRY_FILES) {
    const m = new RegExp(`^(\\w+)\\s*=\\s*${ctor}\\(`, "m").exec(fileText(tree, f) ?? "");
    if (m?.[1]) return [f, m[1]];
  }
  return null;
}

/** The Django project module from `WSGI_APPLICATION = '<module>.wsgi.application'` in any settings.py. */
function djangoWsgi(tree: SourceTree): string | null {
  for (const [path, text] of Object.entries(tree.files)) {
    if (!path.endsWith("settings.py")) continue;
    const m = /WSGI_APPLICATION\s*=\s*["']([\w.]+)\.application["']/.exec(text);
    if (m?.[1]) return m[1];
  }
  const wsgi = tree.paths.find((p) => /^[^/]+\/wsgi\.py$/.test(p));
  return wsgi ? `${wsgi.split("/")[0]}.wsgi` : null;
}

export function planPython(ctx: DetectContext): ProviderDraft | ProviderFailure {
  const { tree, warnings } = ctx;
  const version = pythonVersion(tree, warnings);
  const deps = dependencyNames(tree);
  const managers = ["uv.lock", "poetry.lock", "requirements.txt", "Pipfile"].filter((f) => hasFile(tree, f));
  if (managers.length > 1) warnings.push(`Found ${managers.join(" and ")}; installing from ${managers[0]} only.`);

  let install: string | null = null;
  let manifests: string[] = [];
  let setup: string[] = [];
  let pm = { name: "pip", version: null as string | null, source: "default" };
  const manager = managers[0] ?? (hasFile(tree, "pyproject.toml") ? "pyproject.toml" : null);
  switch (manager) {
    case "uv.lock":
      pm = { name: "uv", version: null, source: "uv.lock" };
      setup = ["pip install uv"];
      manifests = ["pyproject.toml", "uv.lock"].filter((f) => hasFile(tree, f));
      install = "uv sync --locked --no-dev --no-install-project";
      break;
    case "poetry.lock":
      pm = { name: "poetry", version: null, source: "poetry.lock" };
      setup = ["pip install poetry"];
      manifests = ["pyproject.toml", "poetry.lock"];
      install = "poetry install --only main --no-root";
      break;
    case "requirements.txt":
      pm = { name: "pip", version: null, source: "requirements.txt" };
      manifests = ["requirements.txt"];
      // An empty requirements.txt is a standard-library app: nothing to fetch, no network needed.
      install = requirementsEmpty(tree) ? null : "pip install -r requirements.txt";
      break;
    case "Pipfile":
      pm = { name: "pipenv", version: null, source: "Pipfile" };
      setup = ["pip install pipenv"];
      manifests = ["Pipfile", "Pipfile.lock"].filter((f) => hasFile(tree, f));
      install = hasFile(tree, "Pipfile.lock") ? "pipenv install --deploy --system" : "pipenv install --system";
      break;
    case "pyproject.toml":
      pm = { name: "pip", version: null, source: "pyproject.toml" };
      manifests = []; // `pip install .` builds the project itself: it needs the source
      install = "pip install .";
      break;
  }

  let start: string | null = null;
  let framework: string | undefined;
  let build: string | null = null;
  const flask = findApp(tree, "Flask");
  const fastapi = findApp(tree, "FastAPI");
  if (hasFile(tree, "manage.py") && deps.has("django")) {
    framework = "Django";
    const module = djangoWsgi(tree);
    if (module && deps.has("gunicorn")) start = `gunicorn ${module}:application --bind 0.0.0.0:$PORT`;
    else {
      start = "python manage.py runserver 0.0.0.0:$PORT";
      warnings.push("Django runs with its development server: add gunicorn to the dependencies for production.");
    }
    const settings = Object.entries(tree.files).find(([p]) => p.endsWith("settings.py"))?.[1] ?? "";
    if (/STATIC_ROOT\s*=/.test(settings)) build = "python manage.py collectstatic --noinput";
    if (!ctx.procfile.release) warnings.push('Database migrations do not run by themselves: add "release: python manage.py migrate" to the Procfile.');
  } else if (fastapi && deps.has("fastapi")) {
    framework = "FastAPI";
    start = `uvicorn ${fastapi[0].replace(/\.py$/, "")}:${fastapi[1]} --host 0.0.0.0 --port $PORT`;
    if (!deps.has("uvicorn")) warnings.push("FastAPI is served with uvicorn, which is not in the dependencies.");
  } else if (flask && deps.has("flask")) {
    framework = "Flask";
    start = deps.has("gunicorn") ? `gunicorn ${flask[0].replace(/\.py$/, "")}:${flask[1]} --bind 0.0.0.0:$PORT` : `python ${flask[0]}`;
  } else if (hasFile(tree, "manage.py")) {
    framework = "Django";
    start = "python manage.py runserver 0.0.0.0:$PORT";
  } else {
    const entry = FALLBACK_ENTRIES.find((f) => hasFile(tree, f));
    if (entry) start = `python ${entry}`;
  }

  const env = { PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1", PIP_DISABLE_PIP_VERSION_CHECK: "1", VIRTUAL_ENV: VENV, PATH: `${VENV}/bin:$PATH` };
  return {
    versions: [version],
    packageManager: pm,
    ...(framework ? { framework } : {}),
    install,
    build,
    start,
    noStartHelp:
      `Berth found a Python app but no way to start it. It looked for: a Procfile "web:" line, Django (manage.py), ` +
      `FastAPI or Flask apps in ${ENTRY_FILES.join("/")}, or one of ${FALLBACK_ENTRIES.join(", ")}. ` +
      'Add a Procfile with e.g. "web: python app.py" (listening on $PORT) and push again.',
    recipe: (c) => ({
      base: "python",
      workdir: "/app",
      env,
      // The venv exists before any install, so every tool below installs into it, never the system;
      // it also provides `python` (Debian itself has only `python3`). A cached layer after the first build.
      setup: [`python3 -m venv ${VENV}`, ...(c.install ? setup : [])],
      manifests: c.install ? manifests : [],
      install: c.install,
      build: c.build,
      sourceFrom: ".",
      sourceTarget: ".",
      runtime: null,
      start: c.start,
      ignore: [".venv", "venv", "__pycache__", "*.pyc"],
      healthcheck: true,
    }),
  };
}

