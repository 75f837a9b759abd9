// Expected-style results: a value or an error message meant for a person (it names the file,
// the place in it and the problem). Runtime failures travel as Result; programmer errors assert.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace myomap {

struct Error {
    std::string message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}          // NOLINT(google-explicit-constructor)
    Result(Error error) : m_state(std::move(error)) {}      // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok() && "Result::value() on an error"); return std::get<T>(m_state); }
    const T& value() const& { assert(ok() && "Result::value() on an error"); return std::get<T>(m_state); }
    T&& value() && { assert(ok() && "Result::value() on an error"); return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const std::string& error() const {
        assert(!ok() && "Result::error() on a value");
        return std::get<Error>(m_state).message;
    }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but can fail.
struct Ok {};
using Status = Result<Ok>;

inline Error fail(std::string message) { return Error{std::move(message)}; }

}  // namespace myomap
