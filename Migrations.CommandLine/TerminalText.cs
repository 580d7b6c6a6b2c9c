namespace Migrations.CommandLine;

/// <summary>
/// Colours for results a person reads on a terminal: plain text when the output is redirected to a
/// file or pipe, when it is not the console, or when NO_COLOR is set (no-color.org).
/// </summary>
internal sealed class TerminalText(bool colours)
{
    public static TerminalText For(TextWriter writer) =>
        new(ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    /// <summary>Done, as it should be.</summary>
    public string Good(string text) => Paint(text, "32");

    /// <summary>Waiting, or undone.</summary>
    public string Waiting(string text) => Paint(text, "33");

    /// <summary>Needs a person's attention.</summary>
    public string Bad(string text) => Paint(text, "31");

    private string Paint(string text, string code) => colours ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
