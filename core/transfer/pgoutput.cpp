#include "pgoutput.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace plumb::transfer::pgoutput {

namespace {

// Reads big-endian integers and C strings off one message; any read past its end marks the
// reader broken, so one check at the end of a message covers every field.
class Reader {
public:
    explicit Reader(QByteArrayView bytes)
        : m_bytes(bytes)
    {}

    bool broken() const { return m_broken; }
    bool atEnd() const { return m_at >= m_bytes.size(); }

    template<typename T>
    T integer()
    {
        if (m_broken || m_at + qsizetype(sizeof(T)) > m_bytes.size()) {
            m_broken = true;
            return 0;
        }
        const T value = qFromBigEndian<T>(m_bytes.data() + m_at);
        m_at += sizeof(T);
        return value;
    }

    char byte() { return char(integer<quint8>()); }

    QString string()
    {
        const qsizetype end = m_broken ? -1 : m_bytes.indexOf('\0', m_at);
        if (end < 0) {
            m_broken = true;
            return {};
        }
        const QString text = QString::fromUtf8(m_bytes.sliced(m_at, end - m_at));
        m_at = end + 1;
        return text;
    }

    QByteArray bytes(qint32 length)
    {
        if (m_broken || length < 0 || m_at + length > m_bytes.size()) {
            m_broken = true;
            return {};
        }
        const QByteArray copy = m_bytes.sliced(m_at, length).toByteArray();
        m_at += length;
        return copy;
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 1; // past the message type
    bool m_broken = false;
};

Status malformed(char type, const QString& what)
{
    return fail(ErrorCode::Generic, u"logical decoding sent a malformed '%1' message (%2)"_s.arg(
                                        QChar::fromLatin1(type), what));
}

std::optional<QList<Value>> tuple(Reader& reader)
{
    const qint16 count = reader.integer<qint16>();
    if (reader.broken() || count < 0)
        return std::nullopt;
    QList<Value> values;
    values.reserve(count);
    for (qint16 i = 0; i < count; ++i) {
        Value value;
        switch (reader.byte()) {
        case 'n':
            value.kind = Value::Null;
            break;
        case 'u':
            value.kind = Value::Unchanged;
            break;
        case 't':
            value.kind = Value::Text;
            value.text = reader.bytes(reader.integer<qint32>());
            break;
        default: // 'b' (binary) is only sent when asked for, and this decoder never asks
            return std::nullopt;
        }
        if (reader.broken())
            return std::nullopt;
        values.append(std::move(value));
    }
    return values;
}

} // namespace

Status Decoder::feed(QByteArrayView message)
{
    if (message.isEmpty())
        return fail(ErrorCode::Generic, u"logical decoding sent an empty message"_s);
    const char type = message.front();
    Reader reader(message);
    auto changeInTransaction = [&]() -> Status {
        if (!m_open)
            return malformed(type, u"a change outside a transaction"_s);
        return {};
    };
    switch (type) {
    case 'B': { // Begin: final LSN, commit time, xid
        (void)reader.integer<quint64>();
        (void)reader.integer<qint64>();
        const quint32 xid = reader.integer<quint32>();
        if (reader.broken())
            return malformed(type, u"too short"_s);
        if (m_open)
            return malformed(type, u"a transaction began inside another"_s);
        m_current = Transaction{xid, 0, {}};
        m_open = true;
        return {};
    }
    case 'C': { // Commit: flags, commit LSN, end LSN, commit time
        (void)reader.byte();
        (void)reader.integer<quint64>();
        const quint64 end = reader.integer<quint64>();
        (void)reader.integer<qint64>();
        if (reader.broken())
            return malformed(type, u"too short"_s);
        if (!m_open)
            return malformed(type, u"a commit without a transaction"_s);
        m_current.endLsn = end;
        m_committed.append(std::move(m_current));
        m_current = {};
        m_open = false;
        return {};
    }
    case 'R': { // Relation
        Relation relation;
        relation.oid = reader.integer<quint32>();
        relation.schema = reader.string();
        relation.name = reader.string();
        relation.identity = reader.byte();
        const qint16 count = reader.integer<qint16>();
        for (qint16 i = 0; i < count && !reader.broken(); ++i) {
            Column column;
            column.key = (reader.byte() & 1) != 0;
            column.name = reader.string();
            column.type = reader.integer<quint32>();
            (void)reader.integer<qint32>(); // typmod
            relation.columns.append(std::move(column));
        }
        if (reader.broken() || count < 0)
            return malformed(type, u"too short"_s);
        m_relations.insert(relation.oid, std::move(relation));
        return {};
    }
    case 'Y': // Type: names a type the relations use; their OIDs are enough here
    case 'O': // Origin: where a replicated transaction came from
        return {};
    case 'I':
    case 'U':
    case 'D': {
        if (auto inside = changeInTransaction(); !inside)
            return inside;
        Change change;
        change.op = type;
        change.relation = reader.integer<quint32>();
        if (reader.broken())
            return malformed(type, u"too short"_s);
        const Relation* known = relation(change.relation);
        if (!known)
            return malformed(type, u"relation %1 was not described first"_s.arg(change.relation));
        char part = reader.byte();
        if (type != 'I' && (part == 'K' || part == 'O')) {
            change.oldKind = part;
            auto old = tuple(reader);
            if (!old)
                return malformed(type, u"its old row does not parse"_s);
            change.old = std::move(*old);
            if (type == 'U')
                part = reader.byte();
        } else if (type == 'D') {
            return malformed(type, u"a delete without its old row"_s);
        }
        if (type != 'D') {
            if (part != 'N')
                return malformed(
                    type, u"expected the new row, found '%1'"_s.arg(QChar::fromLatin1(part)));
            auto row = tuple(reader);
            if (!row)
                return malformed(type, u"its new row does not parse"_s);
            change.row = std::move(*row);
        }
        const qsizetype width = known->columns.size();
        if ((!change.old.isEmpty() && change.old.size() != width) ||
            (!change.row.isEmpty() && change.row.size() != width))
            return malformed(type, u"%1 has %2 columns"_s.arg(known->name).arg(width));
        m_current.changes.append(std::move(change));
        return {};
    }
    case 'T':
        return fail(ErrorCode::Generic,
                    u"a moved table was truncated on the source: its rows cannot be replayed; "
                    u"abort the move (plumb move abort) and start it again"_s);
    default:
        return malformed(type, u"unknown message type"_s);
    }
}

QList<Transaction> Decoder::takeCommitted()
{
    return std::exchange(m_committed, {});
}

const Relation* Decoder::relation(quint32 oid) const
{
    const auto found = m_relations.constFind(oid);
    return found == m_relations.cend() ? nullptr : &*found;
}

QString formatLsn(quint64 lsn)
{
    return QString::number(lsn >> 32, 16).toUpper() + u'/' +
           QString::number(lsn & 0xffffffffu, 16).toUpper();
}

std::optional<quint64> parseLsn(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash <= 0 || slash == text.size() - 1)
        return std::nullopt;
    bool highOk = false, lowOk = false;
    const quint64 high = text.first(slash).toULongLong(&highOk, 16);
    const quint64 low = text.sliced(slash + 1).toULongLong(&lowOk, 16);
    if (!highOk || !lowOk || high > 0xffffffffu || low > 0xffffffffu)
        return std::nullopt;
    return (high << 32) | low;
}

std::optional<SnapshotXids> SnapshotXids::parse(QStringView text)
{
    const QList<QStringView> parts = text.split(u':');
    if (parts.size() != 3)
        return std::nullopt;
    SnapshotXids snapshot;
    bool ok = false;
    snapshot.m_xmin = parts[0].toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    snapshot.m_xmax = parts[1].toULongLong(&ok);
    if (!ok || snapshot.m_xmax < snapshot.m_xmin)
        return std::nullopt;
    if (!parts[2].isEmpty())
        for (QStringView xid : parts[2].split(u',')) {
            snapshot.m_inProgress.append(xid.toULongLong(&ok));
            if (!ok)
                return std::nullopt;
        }
    return snapshot;
}

quint64 SnapshotXids::widen(quint32 xid) const
{
    constexpr quint64 epoch = quint64(1) << 32;
    constexpr quint64 half = quint64(1) << 31;
    quint64 wide = (m_xmax & ~(epoch - 1)) | xid;
    if (wide > m_xmax + half && wide >= epoch)
        wide -= epoch;
    else if (wide + half < m_xmax)
        wide += epoch;
    return wide;
}

bool SnapshotXids::sees(quint32 xid) const
{
    const quint64 wide = widen(xid);
    if (wide < m_xmin)
        return true;
    return wide < m_xmax && !m_inProgress.contains(wide);
}

} // namespace plumb::transfer::pgoutput
