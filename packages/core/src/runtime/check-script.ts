/**
 * The health-check program Docker runs inside every app container, with the static busybox Berth
 * mounts next to it (/berth, read-only), so it works in any image: no curl, no shell needed in the
 * image. It is a fixed program: the settings arrive as arguments ($1…$5), are only ever expanded
 * inside double quotes, and are never evaluated as code, so nothing a user types can become shell.
 *
 *   check tcp PORT                       the port accepts a TCP connection
 *   check http PORT PATH STATUS [BODY]   GET http://127.0.0.1:PORT PATH answers STATUS (and contains BODY)
 *
 * busybox's wget exits non-zero on any non-2xx answer and prints "server returned error: HTTP/1.1 500 …";
 * with -S it prints the status line of a 2xx answer; either way the status is read from that text.
 * (Its -T option crashes the static build, so the timeout is Docker's own.)
 */
export const CHECK_SCRIPT = `#!/berth/busybox sh
bb=/berth/busybox
case "$1" in
  tcp)
    if $bb nc 127.0.0.1 "$2" -e /berth/true </dev/null >/dev/null 2>&1; then
      echo "port $2 accepts connections"; exit 0
    fi
    echo "nothing accepts connections on port $2 (the app must listen on 0.0.0.0:\\$PORT)"; exit 1 ;;
  http)
    out=$($bb wget -S -O - "http://127.0.0.1:$2$3" 2>&1)
    status=$(printf '%s\\n' "$out" | $bb sed -n -e 's/^ *HTTP\\/[0-9.]* \\([0-9][0-9][0-9]\\).*/\\1/p' -e 's/.*server returned error: HTTP\\/[0-9.]* \\([0-9][0-9][0-9]\\).*/\\1/p' | $bb tail -n 1)
    if [ -z "$status" ]; then
      echo "GET $3 on port $2 got no HTTP answer: $(printf '%s' "$out" | $bb tail -n 2 | $bb tr '\\n' ' ')"; exit 1
    fi
    if [ "$status" != "$4" ]; then
      echo "GET $3 answered HTTP $status, expected $4"; exit 1
    fi
    if [ -n "$5" ]; then
      case "$out" in
        *"$5"*) ;;
        *) echo "GET $3 answered HTTP $status but the body does not contain the expected text"; exit 1 ;;
      esac
    fi
    echo "GET $3 answered HTTP $status"; exit 0 ;;
esac
echo "unknown check: $1"; exit 2
`;
