"""Make this fixture: run with custdesk as it was at schema 6 (before 0007_sort_key), from the
project's top folder: ``PYTHONPATH=. python tests/data/v6/make_v6.py tests/data/v6``."""
import sys
from pathlib import Path
from custdesk.core import clock
from custdesk.core.desk import Desk
from custdesk.core.store import migrations
from tests import cheap_kdf
import datetime

cheap_kdf.install()
assert migrations.known_names()[-1] == "0006_keys", migrations.known_names()
out = Path(sys.argv[1])
clock.set_fixed(datetime.datetime(2026, 11, 2, 2, 0, tzinfo=datetime.timezone.utc))
desk, recovery = Desk.create(out / "v6.db", "boss", "boss-password-1", firm="旧版商贸有限公司")
desk.users.add("clerk", "clerk", "internal", "clerk-password")
(out / "v6.recovery").write_text(recovery)
names = [("individual", "李娜", 1), ("individual", "刘晶", 1), ("individual", "刘雪", 1),
         ("individual", "李卫东", 1), ("enterprise", "Acme Trading", 1),
         ("individual", "李秘密", 2), ("individual", "刘机密", 3), ("individual", "李 Anna", 2)]
for kind, name, level in names:
    desk.customers.add({"kind": kind, "name": name, "level": level})
print([r["code"] + r["name"] for r in desk.customers.list()])
desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
desk.close()
