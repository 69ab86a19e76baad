#pragma once

#include "core/transfer/masking_key.h"

#include <optional>
#include <string>
#include <string_view>

namespace plumb::transfer::formats {

// Building blocks of the format-keeping strategies. Pure functions over bytes, given the HMAC of
// the calling thread.

// A keyed permutation of the strings of digits of one length (FF1's alternating Feistel structure
// with HMAC-SHA256 rounds; `tweak` separates uses). In place: `digits` holds only '0'..'9'.
// Being a permutation, it never maps two different inputs to one output.
void permuteDigits(Hmac& mac, std::string_view tweak, std::string& digits);

// A keyed permutation of the numbers of `bits` bits (0..64), the same structure in base 2.
quint64 permuteBits(Hmac& mac, std::string_view tweak, quint64 value, int bits);

// The Luhn check digit ('0'..'9') that completes `digits` (all but the check digit).
char luhnCheckDigit(std::string_view digits);
bool luhnValid(std::string_view digitsWithCheck);

// ISO 13616 check digits (2..98) of an IBAN made of `country` (two letters) and `bban`
// (letters and digits, no spaces); -1 when a character is not alphanumeric.
int ibanCheckDigits(std::string_view country, std::string_view bban);

// An IP address with its optional /prefix, as inet and cidr print them.
struct IpAddress {
    bool v6 = false;
    unsigned char bytes[16] = {};
    int prefix = -1; // -1: none written
};
std::optional<IpAddress> parseIp(std::string_view text);
std::string formatIp(const IpAddress& address);

} // namespace plumb::transfer::formats
