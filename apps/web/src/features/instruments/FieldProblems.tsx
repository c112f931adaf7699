import { List, Text } from '@mantine/core';

/** Problems the contract found with a part of the instrument, listed where the part is edited. */
export function FieldProblems({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <List size="sm" c="red.9" spacing={2}>
      {messages.map((message, i) => (
        <List.Item key={i}>
          <Text size="sm" c="red.9" span>
            {message}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
