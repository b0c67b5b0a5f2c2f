#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# i18n_lang.sh -- the language of messages: the locale's (Chinese under zh_*), --lang over it,
# on a machine without any zh_CN locale generated; the pseudo catalog wraps gettext'd texts.
set -euo pipefail
J=${JIXIAO:?}
. "$(dirname "$0")/lib.sh"
zh=$(env -u LC_ALL -u LANGUAGE LANG=zh_CN.UTF-8 "$J" --help)
echo "$zh" | grep -q "退出码：0 成功" || fail "LANG=zh_CN.UTF-8 did not give Chinese: $zh"
en=$(env -u LANGUAGE LC_ALL=C.UTF-8 "$J" --help)
echo "$en" | grep -q "Exit codes: 0 ok" || fail "C.UTF-8 did not give English"
echo "$en" | grep -q "退出码" && fail "C.UTF-8 gave Chinese"
over=$(env -u LANGUAGE LC_ALL=zh_CN.UTF-8 "$J" --lang en --help)
echo "$over" | grep -q "Exit codes: 0 ok" || fail "--lang en did not override a Chinese locale"
over=$(env -u LANGUAGE LC_ALL=C.UTF-8 "$J" --lang=zh --help)
echo "$over" | grep -q "退出码" || fail "--lang=zh did not override an English locale"
pseudo=$(env -u LANGUAGE LC_ALL=C.UTF-8 JIXIAO_CATALOG=x_PSEUDO "$J" --lang zh --help)
echo "$pseudo" | grep -q "⟦Exit codes: 0 ok, 1 error, 2 usage.⟧" || fail "pseudo catalog not used: $pseudo"
set +e
"$J" --lang fr --help >/dev/null 2>&1
rc=$?
set -e
[ $rc -eq 2 ] || fail "--lang fr should be a usage error (2), got $rc"
echo "ok"
