#pragma once

#include "core/catalog/catalog.h"

#include <array>
#include <tuple>
#include <utility>

// Field tables of the catalog value types: the one place that names each member for JSON
// serialization and the fingerprint. Adding a member to a type means adding one line here.
namespace plumb::catalog::reflect {

template<typename T, typename M>
struct Field {
    const char16_t* name;
    M T::*member;
};

template<typename T, typename M>
constexpr Field<T, M> field(const char16_t* name, M T::*member)
{
    return {name, member};
}

template<typename T>
struct Fields; // specialised below: static constexpr auto list = std::tuple{field(...)...}

template<typename E>
struct EnumNames; // specialised below: static constexpr std::array names (in enumerator order)

#define PLUMB_FIELDS(Type, ...)                                                                    \
    template<>                                                                                     \
    struct Fields<Type> {                                                                          \
        static constexpr auto list = std::tuple{__VA_ARGS__};                                      \
    };
#define PLUMB_ENUM(Type, ...)                                                                      \
    template<>                                                                                     \
    struct EnumNames<Type> {                                                                       \
        static constexpr std::array names{__VA_ARGS__};                                            \
    };

PLUMB_ENUM(NodeKind, u"schema", u"extension", u"collation", u"type", u"relation", u"function",
           u"constraint", u"trigger", u"policy", u"event_trigger", u"publication",
           u"default_privilege", u"text_search_configuration", u"operator")
PLUMB_ENUM(IdentityKind, u"none", u"always", u"by_default")
PLUMB_ENUM(GeneratedKind, u"none", u"stored", u"virtual")
PLUMB_ENUM(ReplicaIdentity, u"default", u"nothing", u"full", u"index")
PLUMB_ENUM(ConstraintKind, u"check", u"foreign_key", u"primary_key", u"unique", u"exclusion",
           u"trigger")
PLUMB_ENUM(RoutineKind, u"function", u"procedure", u"aggregate", u"window")
PLUMB_ENUM(TriggerEnabled, u"origin", u"disabled", u"replica", u"always")
PLUMB_ENUM(PolicyCommand, u"all", u"select", u"insert", u"update", u"delete")

PLUMB_FIELDS(QualifiedName, field(u"schema", &QualifiedName::schema),
             field(u"name", &QualifiedName::name))
PLUMB_FIELDS(Privilege, field(u"grantee", &Privilege::grantee),
             field(u"grantor", &Privilege::grantor), field(u"privilege", &Privilege::privilege),
             field(u"grantable", &Privilege::grantable))
PLUMB_FIELDS(Ownership, field(u"owner", &Ownership::owner), field(u"acl", &Ownership::acl))
PLUMB_FIELDS(ObjectKey, field(u"kind", &ObjectKey::kind), field(u"schema", &ObjectKey::schema),
             field(u"name", &ObjectKey::name), field(u"member", &ObjectKey::member))
PLUMB_FIELDS(Dependency, field(u"dependent", &Dependency::dependent),
             field(u"referenced", &Dependency::referenced))
PLUMB_FIELDS(UnmanagedObject, field(u"kind", &UnmanagedObject::kind),
             field(u"name", &UnmanagedObject::name), field(u"schema", &UnmanagedObject::schema))

PLUMB_FIELDS(Column, field(u"name", &Column::name), field(u"position", &Column::position),
             field(u"type", &Column::type), field(u"collation", &Column::collation),
             field(u"not_null", &Column::notNull), field(u"default", &Column::defaultExpr),
             field(u"identity", &Column::identity), field(u"generated", &Column::generated),
             field(u"generated_expr", &Column::generatedExpr), field(u"storage", &Column::storage),
             field(u"compression", &Column::compression),
             field(u"statistics_target", &Column::statisticsTarget),
             field(u"is_local", &Column::isLocal),
             field(u"inheritance_count", &Column::inheritanceCount),
             field(u"comment", &Column::comment), field(u"acl", &Column::acl))
PLUMB_FIELDS(Table, field(u"name", &Table::name), field(u"unlogged", &Table::unlogged),
             field(u"columns", &Table::columns), field(u"partition_key", &Table::partitionKey),
             field(u"partition_of", &Table::partitionOf),
             field(u"partition_bound", &Table::partitionBound),
             field(u"inherits", &Table::inherits), field(u"options", &Table::options),
             field(u"toast_options", &Table::toastOptions),
             field(u"access_method", &Table::accessMethod),
             field(u"tablespace", &Table::tablespace), field(u"row_security", &Table::rowSecurity),
             field(u"force_row_security", &Table::forceRowSecurity),
             field(u"replica_identity", &Table::replicaIdentity),
             field(u"replica_identity_index", &Table::replicaIdentityIndex),
             field(u"ownership", &Table::ownership), field(u"comment", &Table::comment))
PLUMB_FIELDS(IndexKey, field(u"expression", &IndexKey::expression),
             field(u"opclass", &IndexKey::opclass), field(u"collation", &IndexKey::collation),
             field(u"descending", &IndexKey::descending),
             field(u"nulls_first", &IndexKey::nullsFirst))
PLUMB_FIELDS(Index, field(u"name", &Index::name), field(u"table", &Index::table),
             field(u"definition", &Index::definition),
             field(u"access_method", &Index::accessMethod), field(u"keys", &Index::keys),
             field(u"include", &Index::include), field(u"predicate", &Index::predicate),
             field(u"options", &Index::options), field(u"tablespace", &Index::tablespace),
             field(u"unique", &Index::unique), field(u"primary", &Index::primary),
             field(u"nulls_not_distinct", &Index::nullsNotDistinct), field(u"valid", &Index::valid),
             field(u"clustered", &Index::clustered), field(u"constraint", &Index::constraintName),
             field(u"parent_index", &Index::parentIndex), field(u"comment", &Index::comment))
PLUMB_FIELDS(Constraint, field(u"table", &Constraint::table), field(u"name", &Constraint::name),
             field(u"kind", &Constraint::kind), field(u"definition", &Constraint::definition),
             field(u"columns", &Constraint::columns), field(u"deferrable", &Constraint::deferrable),
             field(u"initially_deferred", &Constraint::initiallyDeferred),
             field(u"validated", &Constraint::validated),
             field(u"no_inherit", &Constraint::noInherit), field(u"is_local", &Constraint::isLocal),
             field(u"inheritance_count", &Constraint::inheritanceCount),
             field(u"from_parent", &Constraint::fromParent), field(u"index", &Constraint::index),
             field(u"referenced_table", &Constraint::referencedTable),
             field(u"referenced_columns", &Constraint::referencedColumns),
             field(u"on_update", &Constraint::onUpdate), field(u"on_delete", &Constraint::onDelete),
             field(u"match_type", &Constraint::matchType), field(u"comment", &Constraint::comment))
PLUMB_FIELDS(ColumnRef, field(u"table", &ColumnRef::table), field(u"column", &ColumnRef::column))
PLUMB_FIELDS(Sequence, field(u"name", &Sequence::name), field(u"data_type", &Sequence::dataType),
             field(u"start", &Sequence::start), field(u"increment", &Sequence::increment),
             field(u"min_value", &Sequence::minValue), field(u"max_value", &Sequence::maxValue),
             field(u"cache", &Sequence::cache), field(u"cycle", &Sequence::cycle),
             field(u"unlogged", &Sequence::unlogged), field(u"owned_by", &Sequence::ownedBy),
             field(u"identity", &Sequence::identity), field(u"ownership", &Sequence::ownership),
             field(u"comment", &Sequence::comment))
PLUMB_FIELDS(ViewColumn, field(u"name", &ViewColumn::name), field(u"type", &ViewColumn::type),
             field(u"comment", &ViewColumn::comment))
PLUMB_FIELDS(View, field(u"name", &View::name), field(u"materialized", &View::materialized),
             field(u"definition", &View::definition), field(u"options", &View::options),
             field(u"check_option", &View::checkOption), field(u"populated", &View::populated),
             field(u"access_method", &View::accessMethod), field(u"tablespace", &View::tablespace),
             field(u"columns", &View::columns), field(u"ownership", &View::ownership),
             field(u"comment", &View::comment))

PLUMB_FIELDS(AggregateInfo, field(u"kind", &AggregateInfo::kind),
             field(u"transition", &AggregateInfo::transition),
             field(u"state_type", &AggregateInfo::stateType),
             field(u"state_space", &AggregateInfo::stateSpace),
             field(u"final_function", &AggregateInfo::finalFunction),
             field(u"final_extra", &AggregateInfo::finalExtra),
             field(u"final_modify", &AggregateInfo::finalModify),
             field(u"combine_function", &AggregateInfo::combineFunction),
             field(u"serial_function", &AggregateInfo::serialFunction),
             field(u"deserial_function", &AggregateInfo::deserialFunction),
             field(u"initial_value", &AggregateInfo::initialValue),
             field(u"has_initial_value", &AggregateInfo::hasInitialValue),
             field(u"moving_transition", &AggregateInfo::movingTransition),
             field(u"moving_inverse", &AggregateInfo::movingInverse),
             field(u"moving_state_type", &AggregateInfo::movingStateType),
             field(u"moving_state_space", &AggregateInfo::movingStateSpace),
             field(u"moving_final_function", &AggregateInfo::movingFinalFunction),
             field(u"moving_final_extra", &AggregateInfo::movingFinalExtra),
             field(u"moving_final_modify", &AggregateInfo::movingFinalModify),
             field(u"moving_initial_value", &AggregateInfo::movingInitialValue),
             field(u"has_moving_initial_value", &AggregateInfo::hasMovingInitialValue),
             field(u"sort_operator", &AggregateInfo::sortOperator),
             field(u"direct_argument_count", &AggregateInfo::directArgumentCount))
PLUMB_FIELDS(Routine, field(u"name", &Routine::name), field(u"kind", &Routine::kind),
             field(u"identity_argument_types", &Routine::identityArgumentTypes),
             field(u"identity_arguments", &Routine::identityArguments),
             field(u"arguments", &Routine::arguments), field(u"result", &Routine::result),
             field(u"language", &Routine::language), field(u"volatility", &Routine::volatility),
             field(u"parallel", &Routine::parallel), field(u"strict", &Routine::strict),
             field(u"security_definer", &Routine::securityDefiner),
             field(u"leakproof", &Routine::leakproof), field(u"returns_set", &Routine::returnsSet),
             field(u"cost", &Routine::cost), field(u"rows", &Routine::rows),
             field(u"configuration", &Routine::configuration), field(u"body", &Routine::body),
             field(u"definition", &Routine::definition), field(u"aggregate", &Routine::aggregate),
             field(u"ownership", &Routine::ownership), field(u"comment", &Routine::comment))
PLUMB_FIELDS(Operator, field(u"name", &Operator::name), field(u"left_type", &Operator::leftType),
             field(u"right_type", &Operator::rightType), field(u"function", &Operator::function),
             field(u"commutator", &Operator::commutator), field(u"negator", &Operator::negator),
             field(u"restrict", &Operator::restrictFunction),
             field(u"join", &Operator::joinFunction), field(u"hashes", &Operator::hashes),
             field(u"merges", &Operator::merges), field(u"ownership", &Operator::ownership),
             field(u"comment", &Operator::comment))
PLUMB_FIELDS(Trigger, field(u"table", &Trigger::table), field(u"name", &Trigger::name),
             field(u"definition", &Trigger::definition),
             field(u"is_constraint", &Trigger::isConstraint), field(u"enabled", &Trigger::enabled),
             field(u"function", &Trigger::function), field(u"from_parent", &Trigger::fromParent),
             field(u"comment", &Trigger::comment))
PLUMB_FIELDS(EventTrigger, field(u"name", &EventTrigger::name),
             field(u"event", &EventTrigger::event), field(u"tags", &EventTrigger::tags),
             field(u"function", &EventTrigger::function), field(u"enabled", &EventTrigger::enabled),
             field(u"owner", &EventTrigger::owner), field(u"comment", &EventTrigger::comment))

PLUMB_FIELDS(Schema, field(u"name", &Schema::name), field(u"ownership", &Schema::ownership),
             field(u"comment", &Schema::comment))
PLUMB_FIELDS(ExtensionMember, field(u"kind", &ExtensionMember::kind),
             field(u"identity", &ExtensionMember::identity))
PLUMB_FIELDS(Extension, field(u"name", &Extension::name), field(u"schema", &Extension::schema),
             field(u"version", &Extension::version), field(u"members", &Extension::members),
             field(u"comment", &Extension::comment))
PLUMB_FIELDS(Collation, field(u"name", &Collation::name), field(u"provider", &Collation::provider),
             field(u"collate", &Collation::collate), field(u"ctype", &Collation::ctype),
             field(u"locale", &Collation::locale), field(u"rules", &Collation::rules),
             field(u"deterministic", &Collation::deterministic),
             field(u"ownership", &Collation::ownership), field(u"comment", &Collation::comment))
PLUMB_FIELDS(EnumType, field(u"name", &EnumType::name), field(u"labels", &EnumType::labels),
             field(u"ownership", &EnumType::ownership), field(u"comment", &EnumType::comment))
PLUMB_FIELDS(DomainConstraint, field(u"name", &DomainConstraint::name),
             field(u"definition", &DomainConstraint::definition),
             field(u"validated", &DomainConstraint::validated),
             field(u"comment", &DomainConstraint::comment))
PLUMB_FIELDS(Domain, field(u"name", &Domain::name), field(u"base_type", &Domain::baseType),
             field(u"collation", &Domain::collation), field(u"default", &Domain::defaultExpr),
             field(u"not_null", &Domain::notNull), field(u"constraints", &Domain::constraints),
             field(u"ownership", &Domain::ownership), field(u"comment", &Domain::comment))
PLUMB_FIELDS(CompositeAttribute, field(u"name", &CompositeAttribute::name),
             field(u"type", &CompositeAttribute::type),
             field(u"collation", &CompositeAttribute::collation),
             field(u"comment", &CompositeAttribute::comment))
PLUMB_FIELDS(CompositeType, field(u"name", &CompositeType::name),
             field(u"attributes", &CompositeType::attributes),
             field(u"ownership", &CompositeType::ownership),
             field(u"comment", &CompositeType::comment))
PLUMB_FIELDS(RangeType, field(u"name", &RangeType::name), field(u"subtype", &RangeType::subtype),
             field(u"subtype_opclass", &RangeType::subtypeOpclass),
             field(u"collation", &RangeType::collation), field(u"canonical", &RangeType::canonical),
             field(u"subtype_diff", &RangeType::subtypeDiff),
             field(u"multirange", &RangeType::multirangeName),
             field(u"ownership", &RangeType::ownership), field(u"comment", &RangeType::comment))
PLUMB_FIELDS(Policy, field(u"table", &Policy::table), field(u"name", &Policy::name),
             field(u"permissive", &Policy::permissive), field(u"command", &Policy::command),
             field(u"roles", &Policy::roles), field(u"using", &Policy::usingExpr),
             field(u"check", &Policy::checkExpr), field(u"comment", &Policy::comment))
PLUMB_FIELDS(PublicationTable, field(u"table", &PublicationTable::table),
             field(u"columns", &PublicationTable::columns),
             field(u"row_filter", &PublicationTable::rowFilter))
PLUMB_FIELDS(Publication, field(u"name", &Publication::name),
             field(u"all_tables", &Publication::allTables),
             field(u"publish_insert", &Publication::publishInsert),
             field(u"publish_update", &Publication::publishUpdate),
             field(u"publish_delete", &Publication::publishDelete),
             field(u"publish_truncate", &Publication::publishTruncate),
             field(u"via_root", &Publication::viaRoot), field(u"tables", &Publication::tables),
             field(u"schemas", &Publication::schemas), field(u"owner", &Publication::owner),
             field(u"comment", &Publication::comment))

PLUMB_FIELDS(DefaultPrivilege, field(u"role", &DefaultPrivilege::role),
             field(u"schema", &DefaultPrivilege::schema),
             field(u"object_type", &DefaultPrivilege::objectType),
             field(u"grants", &DefaultPrivilege::grants))

PLUMB_FIELDS(TextSearchMapping, field(u"token", &TextSearchMapping::token),
             field(u"dictionaries", &TextSearchMapping::dictionaries))
PLUMB_FIELDS(TextSearchConfiguration, field(u"name", &TextSearchConfiguration::name),
             field(u"parser", &TextSearchConfiguration::parser),
             field(u"mappings", &TextSearchConfiguration::mappings),
             field(u"ownership", &TextSearchConfiguration::ownership),
             field(u"comment", &TextSearchConfiguration::comment))

PLUMB_FIELDS(Catalog, field(u"server_version_num", &Catalog::serverVersionNumber),
             field(u"database", &Catalog::database), field(u"schemas", &Catalog::schemas),
             field(u"extensions", &Catalog::extensions), field(u"collations", &Catalog::collations),
             field(u"enums", &Catalog::enums), field(u"domains", &Catalog::domains),
             field(u"composites", &Catalog::composites), field(u"ranges", &Catalog::ranges),
             field(u"sequences", &Catalog::sequences), field(u"tables", &Catalog::tables),
             field(u"views", &Catalog::views), field(u"indexes", &Catalog::indexes),
             field(u"constraints", &Catalog::constraints), field(u"routines", &Catalog::routines),
             field(u"operators", &Catalog::operators), field(u"triggers", &Catalog::triggers),
             field(u"event_triggers", &Catalog::eventTriggers),
             field(u"policies", &Catalog::policies), field(u"publications", &Catalog::publications),
             field(u"default_privileges", &Catalog::defaultPrivileges),
             field(u"text_search_configurations", &Catalog::textSearchConfigurations),
             field(u"dependencies", &Catalog::dependencies),
             field(u"unmanaged", &Catalog::unmanaged))

#undef PLUMB_FIELDS
#undef PLUMB_ENUM

} // namespace plumb::catalog::reflect
