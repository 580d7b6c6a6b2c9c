using System.Globalization;
using System.Text;
using Migrations.Operations;

namespace Migrations.Scaffolding;

/// <summary>Writes a <see cref="ScaffoldedMigration"/> as a C# migration class that uses the fluent builder, ready to be edited and committed.</summary>
public static class MigrationSourceWriter
{
    /// <summary>The source of one file holding the migration class.</summary>
    /// <param name="migration">The operations to write.</param>
    /// <param name="namespace">The class's namespace.</param>
    /// <param name="className">The class's name.</param>
    /// <param name="version">The migration's version.</param>
    /// <param name="description">The migration's description.</param>
    /// <param name="summary">What the class is, for its XML documentation comment.</param>
    public static string Write(ScaffoldedMigration migration, string @namespace, string className, long version, string description, string summary)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            using Migrations;
            using Migrations.Building;
            using Migrations.Operations;

            namespace {{@namespace}};

            /// <summary>{{System.Security.SecurityElement.Escape(summary)}}</summary>
            [Migration({{version}}, {{CSharpText.String(description)}})]
            public sealed class {{className}} : Migration
            {

            """);
        foreach (var warning in migration.Warnings)
        {
            text.Append("    // Not reproduced: ").Append(warning.ReplaceLineEndings(" ")).Append('\n');
        }

        Method(text, "Up", migration.Up);
        text.Append('\n');
        Method(text, "Down", migration.Down);
        return text.Append("}\n").ToString();
    }

    private static void Method(StringBuilder text, string name, IReadOnlyList<MigrationOperation> operations)
    {
        text.Append(CultureInfo.InvariantCulture, $"    public override void {name}(MigrationBuilder m)\n    {{\n");
        foreach (var operation in operations)
        {
            text.Append("        ").Append(OperationSource.Statement(operation)).Append('\n');
        }

        text.Append("    }\n");
    }
}
