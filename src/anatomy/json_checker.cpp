#include "anatomy/json_checker.h"

#include "core/json_depth.h"

#include "anatomy/search.h"
#include "core/files.h"
#include "core/suggestions.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace myomap::anatomy::detail {
namespace {

const char* kindName(Checker::Kind kind) {
    switch (kind) {
        case Checker::Kind::String: return "a string";
        case Checker::Kind::Number: return "a number";
        case Checker::Kind::Integer: return "a whole number";
        case Checker::Kind::Object: return "an object";
        case Checker::Kind::Array: return "a list";
    }
    return "a value";
}

bool isKind(const Json& value, Checker::Kind kind) {
    switch (kind) {
        case Checker::Kind::String: return value.is_string();
        case Checker::Kind::Number: return value.is_number();
        case Checker::Kind::Integer: return value.is_number_integer();
        case Checker::Kind::Object: return value.is_object();
        case Checker::Kind::Array: return value.is_array();
    }
    return false;
}

bool isBlank(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string joined(std::span<const std::string_view> words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += ", ";
        out += words[i];
    }
    return out;
}

std::string didYouMean(std::string_view wanted, std::span<const std::string_view> candidates) {
    return myomap::didYouMean(closestMatches(wanted, candidates, 1));
}

struct Position {
    std::size_t line = 1;
    std::size_t column = 1;
};

Position positionOf(const std::string& text, std::size_t offset) {
    Position p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}


// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line ...";
// keep the part a person needs.
std::string parserMessage(const std::string& what) {
    std::string message = what;
    if (const auto end = message.find("] "); message.rfind("[json.exception", 0) == 0 && end != std::string::npos) {
        message.erase(0, end + 2);
    }
    if (message.rfind("parse error ", 0) == 0) message.erase(0, 12);
    return message;
}

}  // namespace

std::string childPath(const std::string& parent, std::string_view key) {
    std::string out = parent + "/";
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string childPath(const std::string& parent, std::size_t index) { return parent + "/" + std::to_string(index); }

std::string describeValue(const Json& value) {
    switch (value.type()) {
        case Json::value_t::string: return "a string";
        case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "a list";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "a number (" + value.dump() + ")";
        default: return "something else";
    }
}

void Checker::error(std::string path, std::string message) {
    m_problems.push_back({m_file, std::move(path), std::move(message), Severity::Error, {}});
}

void Checker::warning(std::string path, std::string message) {
    m_problems.push_back({m_file, std::move(path), std::move(message), Severity::Warning, {}});
}

std::size_t Checker::errorsSince(std::size_t since) const {
    return static_cast<std::size_t>(std::count_if(m_problems.begin() + static_cast<std::ptrdiff_t>(since),
                                                  m_problems.end(),
                                                  [](const Problem& p) { return p.severity == Severity::Error; }));
}

void Checker::setSkipped(std::size_t since, const std::string& what) {
    for (std::size_t i = since; i < m_problems.size(); ++i) {
        Problem& p = m_problems[i];
        if (p.severity == Severity::Error && p.skipped.empty()) p.skipped = what;
    }
}

const Json* Checker::get(const Json& object, const std::string& path, std::string_view key, Kind kind, Need need) {
    const std::string here = childPath(path, key);
    const auto it = object.find(key);
    if (it == object.end()) {
        if (need == Need::Required) error(here, std::string("missing: ") + kindName(kind) + " is required");
        return nullptr;
    }
    if (!isKind(*it, kind)) {
        error(here, std::string("expected ") + kindName(kind) + ", found " + describeValue(*it));
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> Checker::text(const Json& object, const std::string& path, std::string_view key, Need need) {
    const Json* value = get(object, path, key, Kind::String, need);
    if (!value) return std::nullopt;
    std::string s = value->get<std::string>();
    if (isBlank(s)) {
        error(childPath(path, key), "is empty");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> Checker::word(const Json& object, const std::string& path, std::string_view key,
                                         std::span<const std::string_view> allowed, Need need) {
    auto value = text(object, path, key, need);
    if (!value) return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
        error(childPath(path, key), "'" + *value + "' is not one of " + joined(allowed) + didYouMean(*value, allowed));
        return std::nullopt;
    }
    return value;
}

std::optional<double> Checker::number(const Json& object, const std::string& path, std::string_view key, double min,
                                      double max, Need need) {
    const Json* value = get(object, path, key, Kind::Number, need);
    if (!value) return std::nullopt;
    const double x = value->get<double>();
    if (!std::isfinite(x) || x < min || x > max) {
        std::ostringstream message;
        message << "must be between " << min << " and " << max << ", found " << value->dump();
        error(childPath(path, key), message.str());
        return std::nullopt;
    }
    return x;
}

std::optional<std::vector<std::string>> Checker::textList(const Json& object, const std::string& path,
                                                          std::string_view key, bool atLeastOne, Need need) {
    const Json* list = array(object, path, key, atLeastOne, need);
    if (!list) return std::nullopt;
    const std::string here = childPath(path, key);
    std::vector<std::string> out;
    bool ok = true;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        if (!item.is_string()) {
            error(childPath(here, i), "expected a string, found " + describeValue(item));
            ok = false;
        } else if (isBlank(item.get<std::string>())) {
            error(childPath(here, i), "is empty");
            ok = false;
        } else {
            out.push_back(item.get<std::string>());
        }
    }
    if (!ok) return std::nullopt;
    return out;
}

const Json* Checker::array(const Json& object, const std::string& path, std::string_view key, bool atLeastOne,
                           Need need) {
    const Json* list = get(object, path, key, Kind::Array, need);
    if (list && atLeastOne && list->empty()) {
        error(childPath(path, key), "is empty: at least one entry is required");
        return nullptr;
    }
    return list;
}

bool Checker::expectObject(const Json& value, const std::string& path) {
    if (value.is_object()) return true;
    error(path, "expected an object, found " + describeValue(value));
    return false;
}

void Checker::unknownFields(const Json& object, const std::string& path, std::span<const std::string_view> known) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        warning(childPath(path, key), "unknown field (ignored); expected " + joined(known) + didYouMean(key, known));
    }
}

std::optional<Json> readJsonFile(Checker& checker) {
    auto text = files::readText(checker.file(), kMaxContentFileBytes);
    if (!text) {
        checker.error("", text.error());
        return std::nullopt;
    }
    return parseJsonText(*text, checker);
}

std::optional<Json> parseJsonText(const std::string& text, Checker& checker) {
    if (text.size() > kMaxContentFileBytes) {
        checker.error("", "file is " + std::to_string(text.size() >> 10) + " KiB, larger than the " +
                              std::to_string(kMaxContentFileBytes >> 10) + " KiB limit");
        return std::nullopt;
    }
    if (const auto at = json::tooDeepAt(text, kMaxJsonDepth)) {
        const Position p = positionOf(text, *at);
        checker.error("", "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep at line " +
                              std::to_string(p.line) + ", column " + std::to_string(p.column) +
                              " (atlas content needs about six)");
        return std::nullopt;
    }
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& e) {
        std::string message = "invalid JSON " + parserMessage(e.what());
        if (message.find("at line") == std::string::npos) {
            const Position p = positionOf(text, e.byte > 0 ? e.byte - 1 : 0);
            message += " (at line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ")";
        }
        checker.error("", message);
    } catch (const Json::exception& e) {
        // Numbers too large for a double land here rather than in parse_error.
        checker.error("", "invalid JSON: " + parserMessage(e.what()));
    }
    return std::nullopt;
}

}  // namespace myomap::anatomy::detail
