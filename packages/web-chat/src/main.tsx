import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatApp } from './chat-app';
import './web-chat.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChatApp />
  </StrictMode>,
);
