#!/usr/bin/env bash
# Source this file to point the database tests (TestDatabases) at the servers
# running on this machine instead of Docker: PostgreSQL on 127.0.0.1:5432 and
# MariaDB on 127.0.0.1:3306. Starts a server that is installed but stopped.

export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"

_intent_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! _intent_port_open 5432 && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
fi
if ! _intent_port_open 3306 && command -v mariadbd >/dev/null; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  for _ in $(seq 1 20); do _intent_port_open 3306 && break; sleep 0.5; done
fi

# MySQL tests need a user with a password (root with an empty one is refused).
if _intent_port_open 3306 && command -v mariadb >/dev/null &&
  mariadb -uroot -e "CREATE USER IF NOT EXISTS 'intent'@'%' IDENTIFIED BY 'intent'; GRANT ALL ON *.* TO 'intent'@'%' WITH GRANT OPTION;" 2>/dev/null; then
  export BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING:-mysql://intent:intent@127.0.0.1:3306/mysql}"
fi
unset -f _intent_port_open
