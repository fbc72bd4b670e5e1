import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { ContactsResolver } from './contacts.resolver.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';

@Module({
  imports: [CasesModule],
  providers: [ContactsRepository, ContactsService, ContactsResolver],
  exports: [ContactsRepository, ContactsService],
})
export class ContactsModule {}
