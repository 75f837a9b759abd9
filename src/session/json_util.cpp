#include "session/json_util.h"

#include "core/json_depth.h"

namespace myomap::session::detail {

TextPosition positionOf(std::string_view text, std::size_t offset) {
    TextPosition p;
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

namespace {

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line ...";
// keep the part a person needs.
std::string parserMessage(const std::string& what) {
    std::string message = what;
    if (const auto end = message.find("] "); message.rfind("[json.exception", 0) == 0 && end != std::string::npos) {
        message.erase(0, end + 2);
    }
    if (message.rfind("parse error ", 0) == 0) message.erase(0, 12);
    // The parser quotes the bytes it read last ("; last read: 'root:x:0'"): a file's contents
    // never go into a message (a session holds health information; a file named by mistake may
    // hold anything), so that part is left out.
    if (const auto quote = message.find("; last read: '"); quote != std::string::npos) {
        const auto close = message.find("'; ", quote + 14);
        message.erase(quote, close == std::string::npos ? std::string::npos : close + 1 - quote);
    }
    return message;
}

std::string truncated(std::string text, std::size_t max) {
    if (text.size() > max) text = text.substr(0, max) + "...";
    return text;
}

}  // namespace

std::optional<Json> parseJson(const std::string& text, int depthLimit, std::string& error) {
    if (const auto at = json::tooDeepAt(text, depthLimit)) {
        const TextPosition p = positionOf(text, *at);
        error = "nested more than " + std::to_string(depthLimit) + " levels deep at line " + std::to_string(p.line) +
                ", column " + std::to_string(p.column) + "; the file is damaged or not a Myomap file";
        return std::nullopt;
    }
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& e) {
        error = "invalid JSON " + parserMessage(e.what());
        if (error.find("at line") == std::string::npos) {
            const TextPosition p = positionOf(text, e.byte > 0 ? e.byte - 1 : 0);
            error += " (at line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ")";
        }
    } catch (const Json::exception& e) {
        // Numbers too large for a double land here rather than in parse_error.
        error = "invalid JSON: " + parserMessage(e.what());
    }
    return std::nullopt;
}

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
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
        // Its length, not its text: a file's contents never go into a message.
        case Json::value_t::string: {
            const std::size_t n = value.get_ref<const std::string&>().size();
            return n == 0 ? "an empty string" : "a string of " + std::to_string(n) + (n == 1 ? " byte" : " bytes");
        }
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "a number (" + truncated(value.dump(), 40) + ")";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "a list";
        default: return "a value of another kind";
    }
}

}  // namespace myomap::session::detail
