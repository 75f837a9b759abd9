// Reading atlas JSON defensively: parse with limits on size and nesting, then pull typed fields
// out of objects while recording a Problem (file, JSON path, what is wrong) for each mistake.
// Internal to src/anatomy.
#pragma once

#include "anatomy/atlas.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::anatomy::detail {

using Json = nlohmann::json;

// The deepest content is six levels (a zone inside zones inside referral inside a trigger point
// inside the list inside the file); anything far deeper is a broken or hostile file.
inline constexpr int kMaxJsonDepth = 32;
// The largest content file is tens of kilobytes.
inline constexpr std::uintmax_t kMaxContentFileBytes = 1u << 20;

// JSON pointer of a member or an element below `parent` (RFC 6901 escaping).
std::string childPath(const std::string& parent, std::string_view key);
std::string childPath(const std::string& parent, std::size_t index);

// "a number (1.5)", "an array", ...: what a value is, for "expected X, found Y".
std::string describeValue(const Json& value);

class Checker {
public:
    Checker(std::filesystem::path file, std::vector<Problem>& problems)
        : m_file(std::move(file)), m_problems(problems) {}

    const std::filesystem::path& file() const { return m_file; }

    void error(std::string path, std::string message);
    void warning(std::string path, std::string message);

    // Marks and error counts let a caller skip just the entry whose fields went wrong.
    std::size_t mark() const { return m_problems.size(); }
    std::size_t errorsSince(std::size_t mark) const;
    // Labels the errors recorded since `mark` that are not yet labelled with what was skipped.
    void setSkipped(std::size_t mark, const std::string& what);

    enum class Kind { String, Number, Integer, Object, Array };
    enum class Need { Required, Optional };

    // The member `key` of `object` if present and of the right kind; records a problem when it
    // is missing (and required) or of another kind.
    const Json* get(const Json& object, const std::string& path, std::string_view key, Kind kind,
                    Need need = Need::Required);
    // A string that is not blank.
    std::optional<std::string> text(const Json& object, const std::string& path, std::string_view key,
                                    Need need = Need::Required);
    // A string from a closed list; the problem suggests the closest allowed word.
    std::optional<std::string> word(const Json& object, const std::string& path, std::string_view key,
                                    std::span<const std::string_view> allowed, Need need = Need::Required);
    std::optional<double> number(const Json& object, const std::string& path, std::string_view key, double min,
                                 double max, Need need = Need::Required);
    // A list of non-blank strings; `atLeastOne` also rejects an empty list.
    std::optional<std::vector<std::string>> textList(const Json& object, const std::string& path, std::string_view key,
                                                     bool atLeastOne, Need need = Need::Required);
    // An array member, optionally required to be non-empty.
    const Json* array(const Json& object, const std::string& path, std::string_view key, bool atLeastOne,
                      Need need = Need::Required);
    // Whether `value` (an element) is an object; records a problem if not.
    bool expectObject(const Json& value, const std::string& path);
    // Warns about members not in `known`, with the closest known name.
    void unknownFields(const Json& object, const std::string& path, std::span<const std::string_view> known);

private:
    std::filesystem::path m_file;
    std::vector<Problem>& m_problems;
};

// Reads and parses a content file. Records a problem and returns nothing when the file cannot be
// read, is over the size limit, nests deeper than kMaxJsonDepth or is not valid JSON.
std::optional<Json> readJsonFile(Checker& checker);
// The same checks and parse for text already in memory (the fuzzer's entry point).
std::optional<Json> parseJsonText(const std::string& text, Checker& checker);

}  // namespace myomap::anatomy::detail
