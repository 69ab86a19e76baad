#include "core/catalog/ddl_objects.h"
#include "core/diff/differ.h"

using namespace Qt::StringLiterals;

namespace plumb::diff::detail {

using namespace catalog;

namespace {

QString routineKeyword(RoutineKind kind)
{
    switch (kind) {
    case RoutineKind::Procedure:
        return u"PROCEDURE"_s;
    case RoutineKind::Aggregate:
        return u"AGGREGATE"_s;
    default:
        return u"FUNCTION"_s;
    }
}

QString routineName(const Routine& r)
{
    return q(r.name) + u'(' + r.identityArgumentTypes + u')';
}

} // namespace

QStringList dropStatements(const Catalog& from, const Entry& entry)
{
    Q_UNUSED(from);
    struct Visitor {
        QStringList operator()(const Schema* o) const
        {
            return {u"DROP SCHEMA "_s + ident(o->name)};
        }
        QStringList operator()(const Extension* o) const
        {
            return {u"DROP EXTENSION "_s + ident(o->name)};
        }
        QStringList operator()(const Collation* o) const
        {
            return {u"DROP COLLATION "_s + q(o->name)};
        }
        QStringList operator()(const EnumType* o) const { return {u"DROP TYPE "_s + q(o->name)}; }
        QStringList operator()(const Domain* o) const { return {u"DROP DOMAIN "_s + q(o->name)}; }
        QStringList operator()(const CompositeType* o) const
        {
            return {u"DROP TYPE "_s + q(o->name)};
        }
        QStringList operator()(const RangeType* o) const { return {u"DROP TYPE "_s + q(o->name)}; }
        QStringList operator()(const Sequence* o) const
        {
            if (o->identity)
                return {};
            return {u"DROP SEQUENCE "_s + q(o->name)};
        }
        QStringList operator()(const Table* o) const { return {u"DROP TABLE "_s + q(o->name)}; }
        QStringList operator()(const View* o) const
        {
            return {(o->materialized ? u"DROP MATERIALIZED VIEW "_s : u"DROP VIEW "_s) +
                    q(o->name)};
        }
        QStringList operator()(const Index* o) const
        {
            if (!o->constraintName.isEmpty())
                return {};
            return {u"DROP INDEX "_s + q(o->name)};
        }
        QStringList operator()(const Constraint* o) const
        {
            if (!o->isLocal || o->fromParent)
                return {};
            return {u"ALTER TABLE "_s + q(o->table) + u" DROP CONSTRAINT "_s + ident(o->name)};
        }
        QStringList operator()(const Routine* o) const
        {
            return {u"DROP "_s + routineKeyword(o->kind) + u' ' + routineName(*o)};
        }
        QStringList operator()(const Operator* o) const
        {
            return {u"DROP OPERATOR "_s + catalog::detail::operatorSignatureSql(*o)};
        }
        QStringList operator()(const Trigger* o) const
        {
            if (o->fromParent)
                return {};
            return {u"DROP TRIGGER "_s + ident(o->name) + u" ON "_s + q(o->table)};
        }
        QStringList operator()(const EventTrigger* o) const
        {
            return {u"DROP EVENT TRIGGER "_s + ident(o->name)};
        }
        QStringList operator()(const Policy* o) const
        {
            return {u"DROP POLICY "_s + ident(o->name) + u" ON "_s + q(o->table)};
        }
        QStringList operator()(const Publication* o) const
        {
            return {u"DROP PUBLICATION "_s + ident(o->name)};
        }
    };
    return std::visit(Visitor{}, entry.ref);
}

} // namespace plumb::diff::detail
