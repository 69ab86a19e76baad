#pragma once

#include "core/transfer/copy_engine.h"

#include <QByteArray>
#include <memory>
#include <optional>
#include <string>

namespace plumb::transfer::detail {

// The value transforms behind the masking strategies (masking_strategies.cpp chooses and checks
// them). `key` is the seed's derived key; each instance keeps its own HMAC context, and clone()
// gives a worker thread its own.

enum class NameFormat { Full, First, Last };

std::unique_ptr<ValueTransform> constantTransform(std::optional<std::string> value);
std::unique_ptr<ValueTransform> hashTextTransform(const QByteArray& key, int length);
std::unique_ptr<ValueTransform> hashIntegerTransform(const QByteArray& key, int bits);
std::unique_ptr<ValueTransform> hashUuidTransform(const QByteArray& key);
// `domain` empty: keep the original domain.
std::unique_ptr<ValueTransform> emailTransform(const QByteArray& key, const std::string& domain);
std::unique_ptr<ValueTransform> phoneTransform(const QByteArray& key, int keepPrefix);
std::unique_ptr<ValueTransform> nameTransform(const QByteArray& key, NameFormat format);
std::unique_ptr<ValueTransform> addressTransform(const QByteArray& key);
std::unique_ptr<ValueTransform> ibanTransform(const QByteArray& key);
std::unique_ptr<ValueTransform> cardTransform(const QByteArray& key, bool keepBin);
std::unique_ptr<ValueTransform> ipTransform(const QByteArray& key, int prefix4, int prefix6,
                                            bool cidr);
std::unique_ptr<ValueTransform> dateShiftTransform(const QByteArray& key, int windowDays);

// Hex digits of the email pseudonym: 80 bits.
constexpr int emailPseudonymHexDigits = 20;

} // namespace plumb::transfer::detail
