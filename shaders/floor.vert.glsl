#version 330 core
// The benchmark's floor: already-posed positions, one matrix, nothing else.
layout(location = 0) in vec3 aPosition;
uniform mat4 uViewProjection;
void main() { gl_Position = uViewProjection * vec4(aPosition, 1.0); }
