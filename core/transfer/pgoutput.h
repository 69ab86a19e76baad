#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace plumb::transfer::pgoutput {

// A decoder of pgoutput's logical replication messages, protocol version 1 (the format of
// PostgreSQL's "Logical Replication Message Formats" chapter), as
// pg_logical_slot_peek_binary_changes() returns them one message per row. It keeps the
// relations it was told about (a Relation message precedes the first change of each relation in
// every decoding call) and groups changes by transaction.
//
// Pure: no server, no Qt beyond containers. Malformed or unexpected input is an error that says
// what it met, never a crash (tests/unit/tst_pgoutput feeds it truncated and unknown messages).

struct Column {
    QString name;
    quint32 type = 0; // pg_type OID
    bool key = false; // part of the replica identity
};

struct Relation {
    quint32 oid = 0;
    QString schema;
    QString name;
    char identity = 'd'; // relreplident: d(efault), n(othing), f(ull), i(ndex)
    QList<Column> columns;
};

struct Value {
    enum Kind : char { Null = 'n', Unchanged = 'u', Text = 't' };
    Kind kind = Null;
    QByteArray text; // the value in the type's text format (Text only)
};

struct Change {
    char op = 'I'; // I(nsert), U(pdate), D(elete)
    quint32 relation = 0;
    char oldKind = 0; // 'K' (replica identity columns only), 'O' (the whole row), 0: none
    QList<Value> old; // the row before (updates that changed the key, FULL, deletes)
    QList<Value> row; // the row after (inserts, updates)
};

struct Transaction {
    quint32 xid = 0;
    quint64 endLsn = 0; // the end of its commit record: where a slot resumes after it
    QList<Change> changes;
};

class Decoder {
public:
    // Feeds one message. Changes outside a transaction, a relation not described before, a
    // truncated message or one this decoder does not know fail with what it met.
    Status feed(QByteArrayView message);
    // The transactions committed so far, in commit order; clears them.
    QList<Transaction> takeCommitted();
    const Relation* relation(quint32 oid) const;
    // Whether a transaction began and has not committed yet.
    bool inTransaction() const { return m_open; }

private:
    QHash<quint32, Relation> m_relations;
    QList<Transaction> m_committed;
    Transaction m_current;
    bool m_open = false;
};

// "X/Y" as PostgreSQL prints an LSN, and back (nullopt: not an LSN).
QString formatLsn(quint64 lsn);
std::optional<quint64> parseLsn(QStringView text);

// Which transactions a snapshot (pg_current_snapshot()'s text, "xmin:xmax:xip,...") sees, for
// the 32-bit transaction ids logical decoding reports: each is widened to the 64-bit id nearest
// to the snapshot's xmax (decoded transactions are never 2^31 transactions away from it).
class SnapshotXids {
public:
    static std::optional<SnapshotXids> parse(QStringView text);
    bool sees(quint32 xid) const;
    quint64 widen(quint32 xid) const;

private:
    quint64 m_xmin = 0;
    quint64 m_xmax = 0;
    QList<quint64> m_inProgress;
};

} // namespace plumb::transfer::pgoutput
