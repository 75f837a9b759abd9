// Move-only RAII owners of OpenGL objects. Each deletes its name on destruction; release()
// hands the name over. Only src/render/gl/ includes the GL headers or calls GL.
#pragma once

#include "core/result.h"

#include <glm/glm.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace myomap::gl {

// Shared move-only handle logic: a name and the function that deletes it.
template <typename Tag>
class Handle {
public:
    Handle() = default;
    explicit Handle(unsigned name) : m_name(name) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& other) noexcept : m_name(std::exchange(other.m_name, 0u)) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            m_name = std::exchange(other.m_name, 0u);
        }
        return *this;
    }
    ~Handle() { reset(); }
    unsigned name() const { return m_name; }
    explicit operator bool() const { return m_name != 0; }
    unsigned release() { return std::exchange(m_name, 0u); }

private:
    void reset() {
        if (m_name) Tag::destroy(m_name);
        m_name = 0;
    }
    unsigned m_name = 0;
};

struct BufferTag { static void destroy(unsigned); };
struct VertexArrayTag { static void destroy(unsigned); };
struct TextureTag { static void destroy(unsigned); };
struct RenderbufferTag { static void destroy(unsigned); };
struct FramebufferTag { static void destroy(unsigned); };
struct ProgramTag { static void destroy(unsigned); };

enum class BufferKind { Vertex, Index };

class Buffer {
public:
    Buffer() = default;
    Buffer(BufferKind kind, const void* data, std::size_t bytes);
    void update(const void* data, std::size_t bytes);
    unsigned name() const { return m_handle.name(); }
    BufferKind kind() const { return m_kind; }

private:
    Handle<BufferTag> m_handle;
    BufferKind m_kind = BufferKind::Vertex;
    std::size_t m_capacity = 0;
};

enum class AttributeType { Float, UnsignedShort };

class VertexArray {
public:
    VertexArray();
    // Float attributes (positions, normals, weights...). `integer` keeps integer data as
    // integers in the shader (joint indices).
    void attribute(unsigned location, const Buffer& buffer, int components, AttributeType type,
                   bool integer = false, std::size_t stride = 0, std::size_t offset = 0);
    void indices(const Buffer& buffer);
    unsigned name() const { return m_handle.name(); }

private:
    Handle<VertexArrayTag> m_handle;
};

enum class TextureFormat { Rgba8, Srgb8Alpha8, Rgba32F, R32UI, Depth24 };
enum class TextureFilter { Nearest, LinearMipmapped };

class Texture {
public:
    Texture() = default;
    Texture(int width, int height, TextureFormat format, const void* pixels = nullptr,
            TextureFilter filter = TextureFilter::Nearest);
    // Replaces rows [0, rows) of a float RGBA texture (joint matrices).
    void updateRows(int rows, const float* rgba);
    void bind(int unit) const;
    unsigned name() const { return m_handle.name(); }
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    Handle<TextureTag> m_handle;
    TextureFormat m_format = TextureFormat::Rgba8;
    int m_width = 0;
    int m_height = 0;
};

class Program {
public:
    Program() = default;
    // Compiles and links; `defines` lines are injected after the #version line of both stages.
    static Result<Program> build(std::string_view label, std::string_view vertex, std::string_view fragment,
                                 const std::vector<std::string>& defines = {});
    void use() const;
    // Uniform locations are looked up once (by the caller, at set-up), never per draw.
    int location(const char* uniform) const;
    static void set(int location, int value);
    static void set(int location, unsigned value);
    static void set(int location, float value);
    static void set(int location, const glm::vec2& value);
    static void set(int location, const glm::vec3& value);
    static void set(int location, const glm::vec4& value);
    static void set(int location, const glm::mat4& value);
    static void set(int location, const glm::mat3& value);
    static void set(int location, std::span<const glm::mat4> values);  // a uniform array
    unsigned name() const { return m_handle.name(); }

private:
    Handle<ProgramTag> m_handle;
};

// What a framebuffer's colour attachment holds: RGBA8 colour, or 32-bit object ids for picking.
enum class Attachment { Color, Ids };

// A render target: one colour or id attachment plus depth; multisampled or not.
class Framebuffer {
public:
    Framebuffer() = default;
    static Result<Framebuffer> create(int width, int height, int samples, Attachment attachment);
    void bind() const;
    int width() const { return m_width; }
    int height() const { return m_height; }
    int samples() const { return m_samples; }
    // Resolves colour and depth into `target` (same size).
    void resolveInto(const Framebuffer& target) const;
    // Copies colour to the window's framebuffer, scaled to its size.
    void blitToWindow(int windowWidth, int windowHeight) const;
    // RGBA8 rows top to bottom (a single-sample framebuffer only).
    std::vector<std::uint8_t> readColor() const;
    // Depth in [0,1] at a pixel, origin top-left (single-sample only).
    float readDepth(int x, int y) const;
    // The id written at a pixel, origin top-left (an Ids framebuffer only).
    std::uint32_t readId(int x, int y) const;
    // Every id, rows top to bottom (an Ids framebuffer only; empty otherwise).
    std::vector<std::uint32_t> readIds() const;

private:
    Handle<FramebufferTag> m_fbo;
    Handle<RenderbufferTag> m_color;
    Handle<RenderbufferTag> m_depth;
    Attachment m_attachment = Attachment::Color;
    int m_width = 0;
    int m_height = 0;
    int m_samples = 0;
};

}  // namespace myomap::gl
