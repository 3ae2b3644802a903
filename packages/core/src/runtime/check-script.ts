/**
 * The health-check program Docker runs inside every app container, with the static busybox Berth
 * mounts next to it (/berth, read-only), so it works in any image: no curl, no shell needed in the
 * image. It is a fixed program: the settings arrive as arguments, are only ever expanded inside
 * double quotes, and are never evaluated as code, so nothing a user types can become shell.
 *
 *   check INTERVAL TIMEOUT tcp PORT                       the port accepts a TCP connection
 *   check INTERVAL TIMEOUT http PORT PATH STATUS [BODY]   GET http://127.0.0.1:PORT PATH answers STATUS (and contains BODY)
 *
 * Each check gets TIMEOUT seconds (busybox's timeout applet) and says so when it runs out.
 *
 * Pacing. Docker 20.10 runs the first probe one full interval after the container starts (start
 * intervals came with Docker 25), and Swarm routes an instance only after its first passing probe,
 * so a 1 s interval alone added up to a second to every deploy. Docker therefore starts a probe
 * almost at once (HealthCheck.Interval is short) and this program keeps the user's interval itself:
 * - until the instance has passed once, a probe retries every 0.025 s for up to INTERVAL seconds
 *   (by the clock, however long each try takes), so a new instance is seen healthy within 0.025 s
 *   of answering, while a failing one still fails once per INTERVAL (retries and the start period
 *   keep their meaning);
 * - after that (a marker in the container's own tmpfs, /berth/state), a probe first waits INTERVAL
 *   seconds and then checks once: one check per interval, as configured.
 * Without a writable state directory it always behaves as in the second case. Instances started by
 * an older Berth pass no INTERVAL (then it checks once and returns, as it did then) or no TIMEOUT
 * (then Docker's own timeout is the only one).
 *
 * busybox's wget exits non-zero on any non-2xx answer and prints "server returned error: HTTP/1.1 500 …";
 * with -S it prints the status line of a 2xx answer; either way the status is read from that text.
 * (Its -T option crashes the static build, so the timeout is Docker's own.)
 */
export const CHECK_SCRIPT = `#!/berth/busybox sh
bb=/berth/busybox
state=/berth/state
interval=
limit=
case "$1" in
  # Older instances run "check tcp PORT" or "check INTERVAL tcp PORT".
  tcp|http) ;;
  *)
    interval="$1"; shift
    case "$1" in
      tcp|http) ;;
      *) limit="$1"; shift ;;
    esac ;;
esac

limited() {
  if [ -n "$limit" ]; then $bb timeout "$limit" "$@"; else "$@"; fi
}

probe() {
  case "$1" in
    tcp)
      if limited $bb nc 127.0.0.1 "$2" -e /berth/true </dev/null >/dev/null 2>&1; then
        echo "port $2 accepts connections"; return 0
      fi
      echo "nothing accepts connections on port $2 (the app must listen on 0.0.0.0:\\$PORT)"; return 1 ;;
    http)
      out=$(limited $bb wget -S -O - "http://127.0.0.1:$2$3" 2>&1)
      if [ "$?" -eq 143 ]; then
        echo "GET $3 did not answer within $limit s"; return 3
      fi
      status=$(printf '%s\\n' "$out" | $bb sed -n -e 's/^ *HTTP\\/[0-9.]* \\([0-9][0-9][0-9]\\).*/\\1/p' -e 's/.*server returned error: HTTP\\/[0-9.]* \\([0-9][0-9][0-9]\\).*/\\1/p' | $bb tail -n 1)
      if [ -z "$status" ]; then
        echo "GET $3 on port $2 got no HTTP answer: $(printf '%s' "$out" | $bb tail -n 2 | $bb tr '\\n' ' ')"; return 1
      fi
      if [ "$status" != "$4" ]; then
        echo "GET $3 answered HTTP $status, expected $4"; return 1
      fi
      if [ -n "$5" ]; then
        case "$out" in
          *"$5"*) ;;
          *) echo "GET $3 answered HTTP $status but the body does not contain the expected text"; return 1 ;;
        esac
      fi
      echo "GET $3 answered HTTP $status"; return 0 ;;
  esac
  echo "unknown check: $1"; return 2
}

if [ -z "$interval" ]; then
  probe "$@"; exit $?
fi
# 0 passed, 1 failed, 2 misconfigured, 3 ran out of time (reported to Docker as failed).
if [ -e "$state/passed" ] || [ ! -w "$state" ]; then
  $bb sleep "$interval"
  probe "$@"; rc=$?
  [ "$rc" -eq 3 ] && exit 1
  exit "$rc"
fi
# Centiseconds since boot, the clock of the retry window: a window counted in tries would outlast
# Docker's timeout when each try is slow (an app answering 500 after a second), and Docker would
# kill the probe before it said why. The kernel's counter needs no tool in the image.
now_cs() {
  read -r up _ < /proc/uptime
  frac=\${up#*.}
  echo $(( \${up%.*} * 100 + \${frac#0} ))
}
until_cs=$(( $(now_cs) + interval * 100 ))
while :; do
  msg=$(probe "$@"); rc=$?
  if [ "$rc" -eq 0 ]; then
    : > "$state/passed"
    echo "$msg"; exit 0
  fi
  # A check that ran out of time has used up this probe's time: report it rather than retry.
  if [ "$rc" -eq 3 ]; then
    echo "$msg"; exit 1
  fi
  if [ "$rc" -ne 1 ] || [ "$(now_cs)" -ge "$until_cs" ]; then
    echo "$msg"; exit "$rc"
  fi
  $bb sleep 0.025
done
`;
