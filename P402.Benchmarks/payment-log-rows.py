# CPU per payment-log row for three SQLite schemas (main before the third pass, the branch, the branch as WITHOUT ROWID):
# python3 P402.Benchmarks/payment-log-rows.py [rows=200000]; the B-tree work is the same as in the app's SQLite.
import sqlite3, time, os, random, string, sys
cols = ["Id","MerchantId","ApiKeyId","RequestId","Operation","StatusCode","Valid","Reason","Message","Payer","PayTo","Amount","Network","Resource","SettlementId","TxHash","CreatedAt"]
body = ''' "Id" TEXT NOT NULL, "MerchantId" TEXT NOT NULL, "ApiKeyId" TEXT NULL, "RequestId" TEXT NOT NULL, "Operation" TEXT NOT NULL,
 "StatusCode" INTEGER NOT NULL, "Valid" INTEGER NOT NULL, "Reason" TEXT NULL, "Message" TEXT NULL, "Payer" TEXT NULL, "PayTo" TEXT NULL,
 "Amount" INTEGER NULL, "Network" TEXT NULL, "Resource" TEXT NULL, "SettlementId" TEXT NULL, "TxHash" TEXT NULL, "CreatedAt" TEXT NOT NULL'''
schemas = {
 "main (6 B-trees)": [f'CREATE TABLE "PaymentLog" ({body}, PRIMARY KEY ("Id"))', 'CREATE INDEX a ON "PaymentLog" ("CreatedAt")',
   'CREATE INDEX b ON "PaymentLog" ("MerchantId","CreatedAt")', 'CREATE INDEX c ON "PaymentLog" ("MerchantId","Payer")', 'CREATE INDEX d ON "PaymentLog" ("MerchantId","RequestId")'],
 "branch (4 B-trees)": [f'CREATE TABLE "PaymentLog" ({body}, PRIMARY KEY ("MerchantId","Id"))',
   'CREATE INDEX c ON "PaymentLog" ("MerchantId","Payer")', 'CREATE INDEX d ON "PaymentLog" ("MerchantId","RequestId")'],
 "branch WITHOUT ROWID (3 B-trees)": [f'CREATE TABLE "PaymentLog" ({body}, PRIMARY KEY ("MerchantId","Id")) WITHOUT ROWID',
   'CREATE INDEX c ON "PaymentLog" ("MerchantId","Payer")', 'CREATE INDEX d ON "PaymentLog" ("MerchantId","RequestId")'],
}
B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
def ulid(ms): return ''.join(B32[(ms >> (5*i)) & 31] for i in range(9,-1,-1)) + ''.join(random.choice(B32) for _ in range(16))
N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
def rows(start_ms):
    for i in range(N):
        ms = start_ms + i // 2
        yield ("pay_"+ulid(ms), "mch_01M8S4HXD9EFBSPTEP6VXHZNXX", "key_01M8S4HXR168WWX2RMCN7KF96A", "req_"+ulid(ms), "Verify", 200, 1, None, None,
               "0x%040x" % random.getrandbits(160), "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65", 10000, "eip155:8453",
               "https://api.example.com/bench/%032x" % random.getrandbits(128), None, None, "2026-12-01 15:46:18.%07d" % (i % 10_000_000))
sql = f'INSERT INTO "PaymentLog" ({",".join(cols)}) VALUES ({",".join("?"*len(cols))})'
for rep in range(3):
    for name, ddl in schemas.items():
        path = "/tmp/payment-log-rows.db"
        for s in ("", "-wal", "-shm"):
            if os.path.exists(path+s): os.remove(path+s)
        c = sqlite3.connect(path, isolation_level=None)
        c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA synchronous=NORMAL")
        for d in ddl: c.execute(d)
        data = list(rows(1_764_000_000_000))
        t = time.process_time()
        for k in range(0, N, 512):
            c.execute("BEGIN"); c.executemany(sql, data[k:k+512]); c.execute("COMMIT")
        cpu = time.process_time() - t
        c.close()
        print(f"rep {rep} {name:34s} {cpu*1e6/N:6.2f} us CPU per row, db {os.path.getsize(path)/N:.0f} B/row", flush=True)
