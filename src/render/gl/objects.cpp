#include "render/gl/objects.h"

#include <epoxy/gl.h>

#include <glm/gtc/type_ptr.hpp>

#include <algorithm>

namespace myomap::gl {

void BufferTag::destroy(unsigned name) { glDeleteBuffers(1, &name); }
void VertexArrayTag::destroy(unsigned name) { glDeleteVertexArrays(1, &name); }
void TextureTag::destroy(unsigned name) { glDeleteTextures(1, &name); }
void RenderbufferTag::destroy(unsigned name) { glDeleteRenderbuffers(1, &name); }
void FramebufferTag::destroy(unsigned name) { glDeleteFramebuffers(1, &name); }
void ProgramTag::destroy(unsigned name) { glDeleteProgram(name); }

namespace {

unsigned make(void (*gen)(GLsizei, GLuint*)) {
    GLuint name = 0;
    gen(1, &name);
    return name;
}

}  // namespace

Buffer::Buffer(BufferKind kind, const void* data, std::size_t bytes) : m_kind(kind) {
    GLuint name = 0;
    glGenBuffers(1, &name);
    m_handle = Handle<BufferTag>(name);
    // Index buffers are bound through a VAO; bind to ARRAY_BUFFER here so that uploading never
    // disturbs the element binding of whatever VAO is current.
    glBindBuffer(GL_ARRAY_BUFFER, name);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    m_capacity = bytes;
}

void Buffer::update(const void* data, std::size_t bytes) {
    glBindBuffer(GL_ARRAY_BUFFER, m_handle.name());
    if (bytes > m_capacity) {
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_DYNAMIC_DRAW);
        m_capacity = bytes;
    } else {
        glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), data);
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

VertexArray::VertexArray() {
    GLuint name = 0;
    glGenVertexArrays(1, &name);
    m_handle = Handle<VertexArrayTag>(name);
}

void VertexArray::attribute(unsigned location, const Buffer& buffer, int components, AttributeType type, bool integer,
                            std::size_t stride, std::size_t offset) {
    glBindVertexArray(m_handle.name());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.name());
    const GLenum glType = type == AttributeType::Float ? GL_FLOAT : GL_UNSIGNED_SHORT;
    const void* pointer = reinterpret_cast<const void*>(offset);  // NOLINT: GL's offset-as-pointer API
    if (integer) {
        glVertexAttribIPointer(location, components, glType, static_cast<GLsizei>(stride), pointer);
    } else {
        glVertexAttribPointer(location, components, glType, GL_FALSE, static_cast<GLsizei>(stride), pointer);
    }
    glEnableVertexAttribArray(location);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void VertexArray::indices(const Buffer& buffer) {
    glBindVertexArray(m_handle.name());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffer.name());
    glBindVertexArray(0);
}

Texture::Texture(int width, int height, TextureFormat format, const void* pixels, TextureFilter filter)
    : m_format(format), m_width(width), m_height(height) {
    GLuint name = 0;
    glGenTextures(1, &name);
    m_handle = Handle<TextureTag>(name);
    glBindTexture(GL_TEXTURE_2D, name);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    switch (format) {
    case TextureFormat::Rgba8: glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels); break;
    case TextureFormat::Srgb8Alpha8: glTexImage2D(GL_TEXTURE_2D, 0, GL_SRGB8_ALPHA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels); break;
    case TextureFormat::Rgba32F: glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, width, height, 0, GL_RGBA, GL_FLOAT, pixels); break;
    case TextureFormat::R32UI: glTexImage2D(GL_TEXTURE_2D, 0, GL_R32UI, width, height, 0, GL_RED_INTEGER, GL_UNSIGNED_INT, pixels); break;
    case TextureFormat::Depth24: glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT24, width, height, 0, GL_DEPTH_COMPONENT, GL_FLOAT, pixels); break;
    }
    const bool mip = filter == TextureFilter::LinearMipmapped;
    if (mip) glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, mip ? GL_LINEAR_MIPMAP_LINEAR : GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, mip ? GL_LINEAR : GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, mip ? GL_REPEAT : GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, mip ? GL_REPEAT : GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
}

void Texture::updateRows(int rows, const float* rgba) {
    glBindTexture(GL_TEXTURE_2D, m_handle.name());
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, m_width, std::min(rows, m_height), GL_RGBA, GL_FLOAT, rgba);
    glBindTexture(GL_TEXTURE_2D, 0);
}

void Texture::bind(int unit) const {
    glActiveTexture(GL_TEXTURE0 + static_cast<GLenum>(unit));
    glBindTexture(GL_TEXTURE_2D, m_handle.name());
}

namespace {

std::string withDefines(std::string_view source, const std::vector<std::string>& defines) {
    std::string text(source);
    std::string injected;
    for (const std::string& d : defines) injected += "#define " + d + "\n";
    const auto versionEnd = text.rfind("#version", 0) == 0 ? text.find('\n') : std::string::npos;
    if (versionEnd == std::string::npos) return "#version 330 core\n" + injected + text;
    return text.substr(0, versionEnd + 1) + injected + text.substr(versionEnd + 1);
}

Result<GLuint> compile(GLenum stage, const std::string& source, std::string_view label) {
    const GLuint shader = glCreateShader(stage);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return shader;
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    glDeleteShader(shader);
    return fail(std::string(label) + (stage == GL_VERTEX_SHADER ? " vertex" : " fragment") + " shader: " + log);
}

}  // namespace

Result<Program> Program::build(std::string_view label, std::string_view vertex, std::string_view fragment,
                               const std::vector<std::string>& defines) {
    auto vs = compile(GL_VERTEX_SHADER, withDefines(vertex, defines), label);
    if (!vs) return fail(vs.error());
    auto fs = compile(GL_FRAGMENT_SHADER, withDefines(fragment, defines), label);
    if (!fs) {
        glDeleteShader(*vs);
        return fail(fs.error());
    }
    Program program;
    program.m_handle = Handle<ProgramTag>(glCreateProgram());
    glAttachShader(program.name(), *vs);
    glAttachShader(program.name(), *fs);
    glLinkProgram(program.name());
    glDeleteShader(*vs);
    glDeleteShader(*fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program.name(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint length = 0;
        glGetProgramiv(program.name(), GL_INFO_LOG_LENGTH, &length);
        std::string log(static_cast<std::size_t>(std::max(length, 1)), '\0');
        glGetProgramInfoLog(program.name(), length, nullptr, log.data());
        return fail(std::string(label) + " program link: " + log);
    }
    return program;
}

void Program::use() const { glUseProgram(m_handle.name()); }
int Program::location(const char* uniform) const { return glGetUniformLocation(m_handle.name(), uniform); }
void Program::set(int location, int value) { glUniform1i(location, value); }
void Program::set(int location, unsigned value) { glUniform1ui(location, value); }
void Program::set(int location, float value) { glUniform1f(location, value); }
void Program::set(int location, const glm::vec2& value) { glUniform2fv(location, 1, glm::value_ptr(value)); }
void Program::set(int location, const glm::vec3& value) { glUniform3fv(location, 1, glm::value_ptr(value)); }
void Program::set(int location, const glm::vec4& value) { glUniform4fv(location, 1, glm::value_ptr(value)); }
void Program::set(int location, const glm::mat4& value) { glUniformMatrix4fv(location, 1, GL_FALSE, glm::value_ptr(value)); }
void Program::set(int location, const glm::mat3& value) { glUniformMatrix3fv(location, 1, GL_FALSE, glm::value_ptr(value)); }
void Program::set(int location, std::span<const glm::mat4> values) {
    if (!values.empty()) glUniformMatrix4fv(location, static_cast<GLsizei>(values.size()), GL_FALSE, glm::value_ptr(values[0]));
}

Result<Framebuffer> Framebuffer::create(int width, int height, int samples, Attachment attachment) {
    if (width <= 0 || height <= 0) return fail("framebuffer size " + std::to_string(width) + "x" + std::to_string(height) + " is empty");
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    if (width > maxSize || height > maxSize) {
        return fail("framebuffer size " + std::to_string(width) + "x" + std::to_string(height) +
                    " exceeds this GPU's limit of " + std::to_string(maxSize));
    }
    Framebuffer fb;
    fb.m_width = width;
    fb.m_height = height;
    fb.m_samples = samples;
    fb.m_attachment = attachment;
    fb.m_fbo = Handle<FramebufferTag>(make(glGenFramebuffers));
    fb.m_color = Handle<RenderbufferTag>(make(glGenRenderbuffers));
    fb.m_depth = Handle<RenderbufferTag>(make(glGenRenderbuffers));
    glBindFramebuffer(GL_FRAMEBUFFER, fb.m_fbo.name());
    auto storage = [&](GLuint rb, GLenum format) {
        glBindRenderbuffer(GL_RENDERBUFFER, rb);
        if (samples > 1) glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, width, height);
        else glRenderbufferStorage(GL_RENDERBUFFER, format, width, height);
    };
    storage(fb.m_color.name(), attachment == Attachment::Ids ? GL_R32UI : GL_RGBA8);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, fb.m_color.name());
    storage(fb.m_depth.name(), GL_DEPTH_COMPONENT24);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, fb.m_depth.name());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        return fail("framebuffer " + std::to_string(width) + "x" + std::to_string(height) + " with " +
                    std::to_string(samples) + " samples is incomplete (status 0x" + std::to_string(status) + ")");
    }
    return fb;
}

void Framebuffer::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.name());
    glViewport(0, 0, m_width, m_height);
}

void Framebuffer::resolveInto(const Framebuffer& target) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.name());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target.m_fbo.name());
    glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, target.m_width, target.m_height,
                      GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void Framebuffer::blitToWindow(int windowWidth, int windowHeight) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.name());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, windowWidth, windowHeight, GL_COLOR_BUFFER_BIT,
                      m_width == windowWidth && m_height == windowHeight ? GL_NEAREST : GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

namespace {
// The whole colour attachment of `fbo`, `perPixel` values a pixel, rows top to bottom (GL's
// rows run bottom to top).
template <typename T>
std::vector<T> readWhole(GLuint fbo, int width, int height, std::size_t perPixel, GLenum format, GLenum type) {
    const std::size_t row = static_cast<std::size_t>(width) * perPixel;
    std::vector<T> values(row * static_cast<std::size_t>(height));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);  // rows tightly packed, whatever the type
    glReadPixels(0, 0, width, height, format, type, values.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    for (int y = 0; y < height / 2; ++y) {
        std::swap_ranges(values.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * row),
                         values.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y + 1) * row),
                         values.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(height - 1 - y) * row));
    }
    return values;
}
}  // namespace

std::vector<std::uint8_t> Framebuffer::readColor() const {
    return readWhole<std::uint8_t>(m_fbo.name(), m_width, m_height, 4, GL_RGBA, GL_UNSIGNED_BYTE);
}

float Framebuffer::readDepth(int x, int y) const {
    if (x < 0 || y < 0 || x >= m_width || y >= m_height) return 1.0f;
    float depth = 1.0f;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.name());
    glReadPixels(x, m_height - 1 - y, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, &depth);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    return depth;
}

std::uint32_t Framebuffer::readId(int x, int y) const {
    if (m_attachment != Attachment::Ids || x < 0 || y < 0 || x >= m_width || y >= m_height) return 0;
    GLuint id = 0;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.name());
    glReadPixels(x, m_height - 1 - y, 1, 1, GL_RED_INTEGER, GL_UNSIGNED_INT, &id);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    return id;
}

std::vector<std::uint32_t> Framebuffer::readIds() const {
    if (m_attachment != Attachment::Ids) return {};
    return readWhole<std::uint32_t>(m_fbo.name(), m_width, m_height, 1, GL_RED_INTEGER, GL_UNSIGNED_INT);
}

}  // namespace myomap::gl
