/** A user's own Socket.IO room: any server-side event for them is emitted to `user:<id>`. */
export const userRoom = (userId: string): string => `user:${userId}`;
