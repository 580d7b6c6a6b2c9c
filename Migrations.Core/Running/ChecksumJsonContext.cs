using System.Text.Json.Serialization;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>
/// The operations' serialization metadata, written at build time: the checksum's JSON is the same
/// as reflection would write (the canonical modifier still orders and omits), but a process no
/// longer builds serializers by reflection before its first checksum, which cost more than a
/// hundred milliseconds of every start that computes one. Types missing here (values of unusual
/// types in data operations) fall back to reflection.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(AddCheckConstraintOperation))]
[JsonSerializable(typeof(AddColumnOperation))]
[JsonSerializable(typeof(AddEnumValueOperation))]
[JsonSerializable(typeof(AddForeignKeyOperation))]
[JsonSerializable(typeof(AddPrimaryKeyOperation))]
[JsonSerializable(typeof(AddUniqueConstraintOperation))]
[JsonSerializable(typeof(AlterColumnDefaultOperation))]
[JsonSerializable(typeof(AlterColumnNullabilityOperation))]
[JsonSerializable(typeof(AlterColumnTypeOperation))]
[JsonSerializable(typeof(CreateEnumOperation))]
[JsonSerializable(typeof(CreateIndexOperation))]
[JsonSerializable(typeof(CreateSequenceOperation))]
[JsonSerializable(typeof(CreateTableOperation))]
[JsonSerializable(typeof(DeleteDataOperation))]
[JsonSerializable(typeof(DropColumnOperation))]
[JsonSerializable(typeof(DropConstraintOperation))]
[JsonSerializable(typeof(DropEnumOperation))]
[JsonSerializable(typeof(DropEnumValueOperation))]
[JsonSerializable(typeof(DropIndexOperation))]
[JsonSerializable(typeof(DropSequenceOperation))]
[JsonSerializable(typeof(DropTableOperation))]
[JsonSerializable(typeof(RenameColumnOperation))]
[JsonSerializable(typeof(RenameEnumValueOperation))]
[JsonSerializable(typeof(RenameTableOperation))]
[JsonSerializable(typeof(SqlOperation))]
[JsonSerializable(typeof(TimeoutsOperation))]
[JsonSerializable(typeof(UpdateDataOperation))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class ChecksumJsonContext : JsonSerializerContext;
