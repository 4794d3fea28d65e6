// diag_codes.h - the registry of diagnostic codes (X-macro list).
//
// DIAG_CODE(number, NAME, "short description") - the number is the stable
// code shown as E%04d; a code is never reused or renumbered. Ranges:
//   E00xx lexical   E01xx syntax   E0200-0249 JSON/YAML readers
//   E0250-0299 functions   E03xx loading, inputs, evaluation
//   E0500-0549 ECS schema checks   E0550-0699 ECS rules   E0700-0719 ECS
//   lowering   E0720-0739 ECS targets   E0740-0759 tfvars   E0760-0799
//   CloudFormation   E0800-0819 diff   E0820-0839 import   E09xx files and limits
//   E1000-1099 hclc lint findings (docs/lint.md)
// One code a line, as the awk scripts of docs/ and grammar/ read them.
// clang-format off
#define DIAG_CODE_LIST(X)                                                                    \
    X(1, BAD_UTF8, "invalid UTF-8 in the source")                                         \
    X(2, NUL_BYTE, "NUL byte in the source")                                              \
    X(3, BAD_CHAR, "character not allowed here")                                          \
    X(4, UNTERMINATED_STRING, "string without its closing quote")                         \
    X(5, BAD_ESCAPE, "invalid escape sequence in a string")                               \
    X(6, UNTERMINATED_COMMENT, "block comment without its closing */")                    \
    X(7, UNTERMINATED_HEREDOC, "heredoc without its closing marker")                      \
    X(8, BAD_HEREDOC, "malformed heredoc opener")                                         \
    X(9, UNTERMINATED_TEMPLATE, "interpolation or directive without its closing >")       \
    X(10, BAD_NUMBER, "malformed number")                                                 \
    X(11, STRING_TOO_LONG, "string literal longer than the limit")                        \
    X(12, NEWLINE_IN_STRING, "line break inside a quoted string")                         \
    X(101, UNEXPECTED_TOKEN, "token not expected here")                                   \
    X(102, UNCLOSED_BRACKET, "bracket or brace never closed")                             \
    X(103, UNCLOSED_BLOCK, "block never closed")                                          \
    X(104, MISMATCHED_CLOSER, "closing bracket does not match the opener")                \
    X(105, EXPECTED_EXPRESSION, "an expression was expected")                             \
    X(106, EXPECTED_NEWLINE, "an attribute or block must end at a line break")            \
    X(107, NESTING_TOO_DEEP, "nesting deeper than the limit")                             \
    X(108, BAD_TEMPLATE_DIRECTIVE, "malformed or unmatched template directive")           \
    X(109, BAD_BLOCK_LABEL, "block label must be a quoted string or an identifier")       \
    X(110, DUPLICATE_ATTRIBUTE, "attribute defined twice in one body")                    \
    X(111, NEAR_MISS_OPERATOR, "operator from another language")                          \
    X(112, BAD_OBJECT_KEY, "malformed object key")                                        \
    X(113, EMPTY_INPUT, "no blocks or attributes in the input")                           \
    X(200, BAD_JSON, "invalid JSON")                                                      \
    X(201, BAD_YAML, "invalid YAML")                                                      \
    X(202, DUPLICATE_KEY, "object key given twice")                                       \
    X(203, YAML_TAG, "unsupported or mismatched YAML tag")                                \
    X(204, NUMBER_RANGE, "number not representable in JSON")                              \
    X(205, YAML_ALIAS, "undefined YAML alias or alias expansion beyond the limit")        \
    X(206, YAML_MULTI_DOC, "more than one YAML document")                                  \
    X(207, YAML_KEY, "YAML mapping key that is not a scalar")                             \
    X(208, NUL_IN_STRING, "string holding a NUL character")                               \
    X(301, BAD_TYPE, "malformed type constraint")                                         \
    X(302, UNKNOWN_BLOCK, "unknown or misplaced block")                                    \
    X(303, UNKNOWN_ATTRIBUTE, "unknown or misplaced attribute")                            \
    X(304, DUPLICATE_DECLARATION, "the same name declared twice")                          \
    X(305, BAD_LABELS, "wrong number of block labels")                                     \
    X(306, MISSING_ATTRIBUTE, "required attribute missing")                                \
    X(307, NOT_CONSTANT, "value must be a constant")                                       \
    X(310, UNKNOWN_REFERENCE, "reference to something not declared")                        \
    X(311, CYCLE, "values that depend on themselves")                                      \
    X(312, OPERAND_TYPE, "operand of the wrong type")                                      \
    X(313, BAD_INDEX, "index out of range or of the wrong type")                           \
    X(314, NO_ATTRIBUTE, "attribute access on a value without it")                         \
    X(315, DUPLICATE_MEMBER, "the same key twice in one object")                              \
    X(316, ARITHMETIC, "arithmetic with no finite result")                                 \
    X(317, BAD_INTERPOLATION, "value that cannot be interpolated")                         \
    X(318, UNKNOWN_FUNCTION, "call of a function that does not exist")                     \
    X(319, UNKNOWN_WORKSPACE, "workspace not declared")                                    \
    X(320, VARIABLE_TYPE, "variable value of the wrong type")                              \
    X(321, VALIDATION_FAILED, "variable value rejected by its validation")                 \
    X(322, MISSING_VARIABLE, "variable without a value")                                   \
    X(323, UNDECLARED_INPUT, "value given for a variable not declared")                    \
    X(324, EVAL_TOO_DEEP, "evaluation nested deeper than the limit")                       \
    X(325, BAD_CONDITION, "condition that is not a bool")                                  \
    X(326, BAD_VAR_FLAG, "malformed --var flag")                                           \
    X(327, TOO_MANY_ITEMS, "collection larger than the limit")                             \
    X(328, NULL_VALUE, "null where a value is required")                                   \
    X(329, BAD_KEY, "object key that is not a string")                                     \
    X(330, UNKNOWN_OUTPUT, "output not declared")                                          \
    X(250, FUNC_ARITY, "function called with the wrong number of arguments")              \
    X(251, FUNC_ARG, "function argument of the wrong type or value")                      \
    X(252, BAD_REGEX, "invalid regular expression")                                       \
    X(253, REGEX_NO_MATCH, "regular expression did not match")                            \
    X(254, FUNC_LIMIT, "function result or work beyond the limit")                        \
    X(255, FILE_OUTSIDE_ROOT, "file path outside the project root")                       \
    X(256, FILE_READ, "file missing, unreadable or not text")                             \
    X(257, ENV_UNSET, "environment variable not set")                                     \
    X(258, DECODE_ARG, "malformed text given to a decoding function")                     \
    X(331, BAD_TARGET, "unknown build target")                                             \
    X(332, NO_WORKSPACE, "no workspace chosen in a project without a default one")         \
    X(333, FOREIGN_INTERPOLATION, "Terraform's ${var.x} in a string, where hclc writes $<var.x>") \
    X(334, BAD_IGNORE, "malformed hclc:ignore comment")                                    \
    X(340, SENSITIVE_OUTPUT, "output derived from a sensitive value, not marked sensitive") \
    X(500, ECS_UNKNOWN_MEMBER, "member the ECS API does not have") /* DOC-1, DOC-2 */ \
    X(501, ECS_READ_ONLY, "member only describe-task-definition returns") /* DOC-1 */ \
    X(502, ECS_TYPE, "value of the wrong JSON type") /* DOC-3 */ \
    X(503, ECS_NULL, "null where ECS wants a value or nothing") /* DOC-4 */ \
    X(504, ECS_INT32, "integer outside 32 bits") /* DOC-5 */ \
    X(505, ECS_REQUIRED, "required member missing") /* REQ-1..5, 7, 9 */ \
    X(506, ECS_ENUM, "value not among the allowed ones") /* ENUM-1..22, 26 */ \
    X(507, ECS_UNDOCUMENTED_VALUE, "value outside the documented ones") /* ENUM-11, 23, 24 W */ \
    X(508, ECS_REPEATED_VALUE, "value listed twice where items are distinct") /* ENUM-2, ENUM-21 */ \
    X(509, ECS_PATTERN, "name with characters ECS does not allow") /* NAME-1, 2, 4, 5, 6 */ \
    X(510, ECS_LENGTH, "string too short or too long") /* NAME-1, 2, 4, 5, 7 */ \
    X(511, ECS_IMAGE, "malformed container image reference") /* NAME-7 */ \
    X(512, ECS_TAG, "invalid tag key or value") /* NAME-8 */ \
    X(513, ECS_COUNT, "list with too few or too many items") /* REQ-2, NAME-8..14 */ \
    X(514, ECS_RANGE, "number outside the allowed range") /* NET-8, VAL-1..4 */ \
    X(515, ECS_MAP_KEY, "empty key in a map of options or labels") /* NAME-15 W */ \
    X(516, ECS_PLACEHOLDER, "template placeholder where ECS checks the value") /* hclc W */ \
    X(550, ECS_TASK_TOO_LARGE, "task definition larger than 64 KiB as JSON") /* DOC-6 */   \
    X(551, ECS_DUPLICATE_CONTAINER, "two containers with one name") /* NAME-3 */           \
    X(552, ECS_DUPLICATE_VOLUME, "two volumes with one name") /* NAME-4 */                 \
    X(553, ECS_DUPLICATE_PORT_NAME, "two port mappings with one name") /* NAME-5 W */      \
    X(554, ECS_USER_FORMAT, "container user not in a form Docker reads") /* NAME-16 W */   \
    X(555, ECS_HOST_FORMAT, "malformed host name or IP address") /* NAME-17 W */           \
    X(556, ECS_SYSCTL_NAMESPACE, "system control outside the namespaced ones") /* NAME-18 W */ \
    X(557, ECS_CREDENTIAL_SPEC, "malformed credentialSpecs item") /* ENUM-25 */           \
    X(558, ECS_HEALTH_CHECK_COMMAND, "health check command not starting with CMD or CMD-SHELL") /* ENUM-27 */ \
    X(560, ECS_FARGATE_SIZE, "task cpu and memory not a Fargate size") /* SIZE-3 */        \
    X(561, ECS_TASK_SIZE_FORMAT, "task cpu or memory not a size") /* SIZE-1 */             \
    X(562, ECS_TASK_CPU_RANGE, "task cpu outside 128-196608 units") /* SIZE-2 */           \
    X(563, ECS_WINDOWS_FARGATE_SIZE, "task size not available to Windows on Fargate") /* SIZE-4 */ \
    X(564, ECS_WINDOWS_TASK_SIZE, "task cpu or memory ignored by Windows on EC2") /* SIZE-5 W */ \
    X(570, ECS_CONTAINER_MEMORY_MISSING, "container without memory or memoryReservation") /* RES-1 */ \
    X(571, ECS_MEMORY_RESERVATION, "memoryReservation above memory") /* RES-2 */           \
    X(572, ECS_CONTAINER_MEMORY_OVER_TASK, "container memory above the task's") /* RES-3 */ \
    X(573, ECS_MEMORY_SUM, "containers reserve more memory than the task has") /* RES-4 */ \
    X(574, ECS_CPU_SUM, "containers use more cpu than the task has") /* RES-5 */           \
    X(575, ECS_CONTAINER_MEMORY_LOW, "container memory below Docker's minimum") /* RES-6 W */ \
    X(576, ECS_CONTAINER_CPU_RANGE, "container cpu outside the kernel's share range") /* RES-7 W */ \
    X(577, ECS_RESOURCE_REQUIREMENT, "invalid resourceRequirements item") /* RES-8 */      \
    X(580, ECS_AWSVPC_HOST_PORT, "hostPort differs from containerPort under awsvpc") /* NET-1 */ \
    X(581, ECS_AWSVPC_LINKS, "links under awsvpc") /* NET-2 */                             \
    X(582, ECS_AWSVPC_HOSTNAME, "hostname under awsvpc") /* NET-3 */                       \
    X(583, ECS_AWSVPC_EXTRA_HOSTS, "extraHosts under awsvpc") /* NET-4 */                  \
    X(584, ECS_HOST_MODE_PORT, "hostPort differs from containerPort under host") /* NET-5 */ \
    X(585, ECS_NONE_MODE_PORTS, "port mappings under network mode none") /* NET-6 */       \
    X(586, ECS_LINKS, "links outside bridge mode, to itself, or in a cycle") /* NET-7 */   \
    X(588, ECS_DUPLICATE_CONTAINER_PORT, "container port mapped twice") /* NET-9 */        \
    X(589, ECS_PORT_RANGE, "invalid containerPortRange") /* NET-10 */                      \
    X(590, ECS_RESERVED_HOST_PORT, "host port reserved or ephemeral") /* NET-11 W */       \
    X(591, ECS_SHARED_PORT, "two containers on one port in one namespace") /* NET-12 W */  \
    X(592, ECS_WINDOWS_NETWORK_MODE, "Windows on EC2 with a network mode other than awsvpc") /* NET-13 */ \
    X(593, ECS_HOST_MODE_ROOT, "container running as root under host mode") /* NET-14 W */ \
    X(600, ECS_FARGATE_NETWORK_MODE, "Fargate without awsvpc") /* FG-1 */                  \
    X(601, ECS_FARGATE_SIZE_MISSING, "Fargate without task cpu or memory") /* FG-2 */      \
    X(602, ECS_FARGATE_PLACEMENT, "placement constraints on Fargate") /* FG-3 */           \
    X(603, ECS_FARGATE_UNSUPPORTED, "parameter not supported on Fargate") /* FG-4 */       \
    X(604, ECS_FARGATE_LINUX_PARAMETER, "linuxParameters member not supported on Fargate") /* FG-5 */ \
    X(605, ECS_FARGATE_PID_MODE, "pidMode host on Fargate") /* FG-6 */                     \
    X(606, ECS_FARGATE_LOG_DRIVER, "log driver not supported on Fargate") /* FG-7 */       \
    X(607, ECS_FARGATE_VOLUME, "volume kind not supported on Fargate") /* FG-8 */          \
    X(608, ECS_FARGATE_CAPABILITY, "capability other than SYS_PTRACE added on Fargate") /* FG-9 */ \
    X(609, ECS_FARGATE_TIMEOUT, "start or stop timeout outside 2-120 s on Fargate") /* FG-10 */ \
    X(610, ECS_EXECUTION_ROLE_MISSING, "task needing an execution role without one") /* FG-11, secrets */ \
    X(611, ECS_FARGATE_STREAM_PREFIX, "awslogs without awslogs-stream-prefix on Fargate") /* FG-12 */ \
    X(612, ECS_FARGATE_FIRELENS_CONFIG, "FireLens config-file-type other than file on Fargate") /* FG-13 */ \
    X(613, ECS_FARGATE_INFERENCE, "inference accelerators on Fargate") /* FG-14 W */       \
    X(620, ECS_NO_ESSENTIAL, "no essential container") /* REF-1 */                         \
    X(621, ECS_DEPENDS_ON_UNKNOWN, "dependsOn naming no other container") /* REF-2 */      \
    X(622, ECS_DEPENDS_ON_CYCLE, "containers depending on each other in a cycle") /* REF-3 */ \
    X(623, ECS_DEPENDENCY_ESSENTIAL, "essential container awaited to exit") /* REF-4 */    \
    X(624, ECS_DEPENDENCY_HEALTH_CHECK, "HEALTHY dependency on a container without a health check") /* REF-5 W */ \
    X(625, ECS_UNKNOWN_VOLUME, "mount point naming no volume") /* REF-6 */                 \
    X(626, ECS_VOLUMES_FROM_UNKNOWN, "volumesFrom naming no other container") /* REF-7 */  \
    X(627, ECS_LINK_UNKNOWN, "link naming no container") /* REF-8 */                       \
    X(628, ECS_PROXY_CONFIGURATION, "invalid App Mesh proxy configuration") /* REF-9 */    \
    X(629, ECS_FIRELENS, "awsfirelens and firelensConfiguration not paired") /* REF-10 */  \
    X(630, ECS_CONFIGURED_AT_LAUNCH, "more than one volume configured at launch") /* REF-11 */ \
    X(631, ECS_SECRET_NAME, "secret name repeated or shared with the environment") /* REF-12 */ \
    X(632, ECS_DUPLICATE_ENVIRONMENT, "environment variable set twice") /* REF-13 */       \
    X(633, ECS_DUPLICATE_ULIMIT, "ulimit or system control set twice") /* REF-14 W */      \
    X(634, ECS_DUPLICATE_ITEM, "the same item twice in a list") /* REF-15 */               \
    X(635, ECS_LOG_ROUTERS, "more than one FireLens log router") /* REF-10b W */           \
    X(640, ECS_ULIMIT_LIMITS, "ulimit softLimit above hardLimit") /* VAL-5 W */            \
    X(641, ECS_ENVIRONMENT_FILE, "environment file not an S3 .env object ARN") /* VAL-6 */ \
    X(642, ECS_SECRET_ARN, "secret valueFrom not a secret or parameter") /* VAL-7 */       \
    X(643, ECS_CREDENTIALS_PARAMETER, "credentialsParameter not a secret or parameter") /* VAL-8 */ \
    X(644, ECS_ROLE_ARN, "malformed IAM role ARN") /* VAL-9 */                             \
    X(645, ECS_AWSLOGS_OPTIONS, "awslogs options missing or unknown") /* VAL-10 */         \
    X(646, ECS_SPLUNK_OPTIONS, "splunk options missing") /* VAL-11 */                      \
    X(647, ECS_EFS_VOLUME, "inconsistent EFS volume configuration") /* VAL-12 */           \
    X(648, ECS_S3FILES_VOLUME, "inconsistent S3 Files volume configuration") /* VAL-13 */  \
    X(649, ECS_VOLUME_KIND, "volume of more than one kind") /* VAL-14 */                   \
    X(650, ECS_DOCKER_VOLUME, "invalid Docker volume configuration") /* VAL-15 */          \
    X(651, ECS_EFS_ID, "malformed EFS file system or access point id") /* VAL-16 W */      \
    X(652, ECS_PLACEMENT_EXPRESSION, "placement constraint without a valid expression") /* VAL-17 */ \
    X(653, ECS_SYSCTL_MODE, "system control in a namespace shared with the host") /* VAL-18 */ \
    X(654, ECS_WINDOWS_UNSUPPORTED, "parameter not supported for Windows containers") /* VAL-19 */ \
    X(655, ECS_PLAIN_SECRET, "secret-looking environment variable in plain text") /* VAL-20 W */ \
    X(660, ECS_ACCESS_KEY_IN_ENV, "AWS access key id in plain text") /* hclc W */          \
    X(661, ECS_LATEST_TAG, "image tagged latest in a production workspace") /* hclc W */   \
    X(700, ECS_UNKNOWN_NAME, "task_definition member name the ECS API does not have") \
    X(701, ECS_BAD_BLOCK, "block that sets no member of its task_definition object") \
    X(702, ECS_MEMBER_TWICE, "task_definition member set twice") \
    X(703, ECS_BLOCK_LABELS, "wrong labels on a task_definition block") \
    X(704, ECS_BAD_SIZE, "task cpu or memory in no form ECS reads") \
    X(705, ECS_NOT_INTEGER, "value that cannot be the integer ECS wants") \
    X(706, ECS_NULL_ENTRY, "null entry in a map of a task_definition") \
    X(720, ECS_FORM, "JSON of the wrong shape for a task definition")                    \
    X(721, WORKSPACES_FAILED, "validation failed in some workspaces")                    \
    X(760, CFN_LOGICAL_ID, "CloudFormation logical id taken twice or malformed")        \
    X(761, CFN_LIMIT, "template beyond a CloudFormation limit")                            \
    X(762, CFN_INTRINSIC_TARGET, "CloudFormation intrinsic outside the CloudFormation targets") \
    X(763, CFN_PARAMETER, "variable that cannot be a CloudFormation parameter")          \
    X(764, CFN_PARAMETER_USE, "CloudFormation parameter used where a Ref cannot go")    \
    X(765, CFN_TEMPLATE, "CloudFormation template of a shape hclc cannot check")        \
    X(766, CFN_REFERENCE, "CloudFormation reference naming nothing in the template")    \
    X(767, CFN_SUB_OUTSIDE, "CloudFormation's ${AWS::...} outside cfn_sub")             \
    X(768, CFN_SECTION, "malformed conditions or mappings of the cloudformation block") \
    X(769, CFN_CONDITION_CYCLE, "CloudFormation conditions that depend on each other")  \
    X(800, DIFF_NOT_TASK, "diff input that holds no task definition")                  \
    X(801, DIFF_FAMILIES, "two task definitions of different families compared")       \
    X(802, DIFF_TAGS_UNKNOWN, "describe output without its tags: tags not compared")     \
    X(820, IMPORT_KIND, "file that hclc import cannot read as a task definition")       \
    X(821, IMPORT_LEFT_OUT, "member of the imported file that the source leaves out")    \
    X(822, IMPORT_EXISTS, "import output file that exists already")                      \
    X(823, IMPORT_NO_TASKS, "CloudFormation template without a task definition to import") \
    X(824, IMPORT_INTRINSIC, "CloudFormation intrinsic that hclc cannot hold")              \
    X(1001, LINT_PRIVILEGED, "container runs privileged") /* lint */                       \
    X(1002, LINT_WRITABLE_ROOT, "container root file system writable") /* lint */          \
    X(1003, LINT_ROOT_USER, "Linux container runs as root") /* lint */                     \
    X(1004, LINT_HOST_PID, "task shares the host's process namespace") /* lint */          \
    X(1005, LINT_HOST_NETWORK, "task uses the host network mode") /* lint */               \
    X(1006, LINT_SECRET_NAME, "secret-named environment variable in plain text") /* lint */ \
    X(1007, LINT_SECRET_VALUE, "key material in an environment variable") /* lint */       \
    X(1008, LINT_NO_LOGS, "container without a log configuration") /* lint */              \
    X(1009, LINT_NO_MEMORY_LIMIT, "container without a memory hard limit on EC2") /* lint */ \
    X(1010, LINT_EFS_PLAINTEXT, "EFS volume without transit encryption") /* lint */        \
    X(1011, LINT_SHARED_ROLE, "task role equal to the execution role") /* lint */          \
    X(1012, LINT_CAPABILITIES, "Linux capability that grants control of the host") /* lint */ \
    X(1013, LINT_MUTABLE_IMAGE, "image by a mutable tag") /* lint */                       \
    X(1014, IGNORE_NO_REASON, "ignore comment without a reason") /* lint */                \
    X(901, IO_ERROR, "file could not be read or written")                                 \
    X(902, FILE_TOO_LARGE, "file larger than the limit")                                  \
    X(903, TOO_MANY_ERRORS, "more errors than are shown")                                 \
    X(904, OUTPUT_PATH, "output path that is a directory or a file the run reads")      \
    X(905, OUTPUT_NOT_PRODUCED, "output that could not be produced (too large, out of memory)") \
    X(910, VALUE_BUDGET, "values built beyond the value budget (--max-memory)")          \
    X(911, VALUE_TOO_DEEP, "value nested deeper than the limit")                          \
    X(912, REGEX_BUDGET, "regular expression search beyond its budget")                  \
    X(913, INEXACT_INTEGER, "integer that a number cannot hold exactly")
// clang-format on
