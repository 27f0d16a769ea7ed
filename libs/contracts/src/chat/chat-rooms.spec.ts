import { chatRoomId, roleInChatRoom } from './chat-rooms';

describe('roleInChatRoom', () => {
  it("tells the room's doctor from its patient by the room's id", () => {
    const roomId = chatRoomId('doctor-7', 'patient-3');
    expect(roleInChatRoom(roomId, 'doctor-7')).toBe('doctor');
    expect(roleInChatRoom(roomId, 'patient-3')).toBe('patient');
  });
});
