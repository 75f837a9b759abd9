#version 330 core
// A full-screen triangle for the backdrop; no vertex buffer needed.
out float vHeight;
void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    vHeight = p.y * 0.5;
    gl_Position = vec4(p * 2.0 - 1.0, 1.0, 1.0);
}
