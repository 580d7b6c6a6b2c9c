namespace Migrations.Operations;

/// <summary>What a foreign key does when the referenced row is deleted or its key updated.</summary>
public enum ReferentialAction
{
    /// <summary>Refuse the change while referencing rows exist.</summary>
    NoAction,
    /// <summary>Delete or update the referencing rows too.</summary>
    Cascade,
    /// <summary>Set the referencing columns to NULL.</summary>
    SetNull,
    /// <summary>Set the referencing columns to their defaults.</summary>
    SetDefault,
    /// <summary>Refuse the change at once.</summary>
    Restrict,
}
