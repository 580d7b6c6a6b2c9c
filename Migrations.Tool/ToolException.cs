namespace Migrations.Tool;

/// <summary>A problem with what the tool was asked to do, reported as its message alone.</summary>
internal sealed class ToolException(string message) : Exception(message);
